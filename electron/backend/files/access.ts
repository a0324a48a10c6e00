/**
 * Which paths the renderer may touch.
 *
 * - Browser mode (WorkspaceAccess): every path is confined to one workspace folder. Paths are
 *   shown to the renderer relative to it; `..`, absolute paths elsewhere and symlinks that lead
 *   out are refused with OUTSIDE_WORKSPACE.
 * - Desktop mode (GrantedAccess): the renderer may only touch absolute paths the user chose in
 *   a native dialog (or that the OS asked us to open), so a compromised renderer cannot read
 *   arbitrary files.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../contract';

export interface FileAccess {
  /** Absolute path of an existing file the renderer may read. */
  resolveRead(p: string): Promise<string>;
  /** Absolute path the renderer may write (the file may not exist yet; its folder must). */
  resolveWrite(p: string): Promise<string>;
  /** Absolute path of an existing folder the renderer may list. */
  resolveDir(p: string): Promise<string>;
  /** The form of an absolute path the renderer sees. */
  display(abs: string): string;
  /** Remember that the user chose this path (desktop dialogs); a no-op where confinement rules. */
  grant(abs: string): void;
}

function rejectBadChars(p: string): void {
  if (p.includes('\0')) throw new AppError('BAD_REQUEST', 'The path contains a NUL character.');
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

export class WorkspaceAccess implements FileAccess {
  private constructor(readonly root: string) {}

  static async open(folder: string): Promise<WorkspaceAccess> {
    const root = await realpath(path.resolve(folder)).catch(() => {
      throw new AppError('NOT_FOUND', `The workspace folder "${folder}" does not exist.`);
    });
    if (!(await stat(root)).isDirectory()) {
      throw new AppError('BAD_REQUEST', `The workspace "${folder}" is not a folder.`);
    }
    return new WorkspaceAccess(root);
  }

  private inside(abs: string): boolean {
    const rel = path.relative(this.root, abs);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  private lexical(p: string): string {
    rejectBadChars(p);
    const abs = path.resolve(this.root, p === '' ? '.' : p);
    if (!this.inside(abs)) {
      throw new AppError(
        'OUTSIDE_WORKSPACE',
        `"${p}" is outside the workspace folder; only files inside it can be used.`,
        {
          path: p,
        },
      );
    }
    return abs;
  }

  /** Resolves symlinks too: a link inside the workspace that points out is refused. */
  private async real(p: string, abs: string): Promise<string> {
    const real = await realpath(abs).catch(() => {
      throw new AppError('NOT_FOUND', `"${p}" does not exist in the workspace.`, { path: p });
    });
    if (!this.inside(real)) {
      throw new AppError(
        'OUTSIDE_WORKSPACE',
        `"${p}" leads outside the workspace folder (through a link).`,
        { path: p },
      );
    }
    return real;
  }

  async resolveRead(p: string): Promise<string> {
    return this.real(p, this.lexical(p));
  }

  async resolveDir(p: string): Promise<string> {
    const real = await this.real(p || '.', this.lexical(p));
    if (!(await stat(real)).isDirectory())
      throw new AppError('BAD_REQUEST', `"${p}" is not a folder.`, { path: p });
    return real;
  }

  async resolveWrite(p: string): Promise<string> {
    const abs = this.lexical(p);
    if (abs === this.root)
      throw new AppError('BAD_REQUEST', 'A file name is needed, not the workspace folder.');
    const dir = await this.real(path.dirname(p) || '.', path.dirname(abs));
    const target = path.join(dir, path.basename(abs));
    if (await exists(target)) await this.real(p, target);
    return target;
  }

  display(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/');
  }

  grant(): void {}
}

export class GrantedAccess implements FileAccess {
  private readonly granted = new Set<string>();

  grant(abs: string): void {
    this.granted.add(path.resolve(abs));
  }

  private check(p: string): string {
    rejectBadChars(p);
    if (!path.isAbsolute(p))
      throw new AppError('BAD_REQUEST', `"${p}" is not an absolute path.`, { path: p });
    const abs = path.resolve(p);
    if (!this.granted.has(abs)) {
      throw new AppError(
        'NOT_ALLOWED',
        `"${p}" was not chosen in a file dialog, so Layerlab will not touch it.`,
        { path: p },
      );
    }
    return abs;
  }

  async resolveRead(p: string): Promise<string> {
    const abs = this.check(p);
    if (!(await exists(abs)))
      throw new AppError('NOT_FOUND', `"${p}" does not exist.`, { path: p });
    return abs;
  }

  async resolveWrite(p: string): Promise<string> {
    return this.check(p);
  }

  async resolveDir(p: string): Promise<string> {
    throw new AppError(
      'NOT_ALLOWED',
      `Folders are browsed with the system's file dialog in the desktop app ("${p}").`,
    );
  }

  display(abs: string): string {
    return abs;
  }
}
