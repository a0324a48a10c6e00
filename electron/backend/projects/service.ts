/**
 * projects:* — open, save (atomic, one .bak of the previous version), share, autosave and
 * recovery. Electron-free: paths go through the FileAccess policy; the dataset store and the
 * training service are reached only through ProjectSources.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  MAX_PROJECT_BYTES,
  parseProject,
  serializeProject,
  type ParseResult,
} from '../../../engine/graph/project';
import { AppError } from '../../contract';
import type {
  OpenedProject,
  ProjectDraft,
  Recoverable,
  SavedProject,
} from '../../contract/projects';
import type { FileAccess } from '../files/access';
import { writeFileAtomic, type AtomicFs } from '../files/atomic';
import { formatBytes } from '../files/format';
import { buildProject, locateDataset, openedView, type Context } from './document';
import { readCapped } from './io';
import { RecoveryStore, processAlive } from './recovery';
import { sweepProjectTemps } from './temps';
import type { ProjectPlatform, ProjectServiceOptions, ProjectSources } from './sources';

export const BACKUP_SUFFIX = '.bak';

export class ProjectService {
  private readonly ctx: Context;
  readonly recovery: RecoveryStore;
  private readonly atomicFs: AtomicFs | undefined;
  private readonly now: () => number;
  private swept: Promise<string[]> | null = null;

  constructor(
    access: FileAccess,
    readonly platform: ProjectPlatform,
    sources: ProjectSources,
    opts: ProjectServiceOptions = {},
  ) {
    this.ctx = { access, platform, sources };
    this.atomicFs = opts.atomicFs;
    this.now = opts.now ?? Date.now;
    this.recovery = new RecoveryStore(platform.recoveryDir, {
      session: opts.session ?? randomUUID(),
      pid: opts.pid ?? process.pid,
      isAlive: opts.isAlive ?? processAlive,
      atomicFs: opts.atomicFs,
    });
  }

  /** Parses project text, turning a refusal into an AppError naming the file. */
  private parse(text: string, name: string): Extract<ParseResult, { ok: true }> {
    const result = parseProject(text, { appVersion: this.platform.version });
    if (result.ok) return result;
    const details = {
      file: name,
      problem: result.code,
      ...(result.path ? { field: result.path } : {}),
    };
    throw new AppError(
      result.code === 'too_large' ? 'TOO_LARGE' : 'BAD_REQUEST',
      `"${name}" cannot be opened: ${result.message}`,
      details,
    );
  }

  private async readProjectText(abs: string, shown: string): Promise<string> {
    const bytes = await readCapped(abs, MAX_PROJECT_BYTES, shown);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError(
        'BAD_REQUEST',
        `"${path.basename(abs)}" cannot be opened: it is not a Layerlab project (not UTF-8 text).`,
        { file: path.basename(abs), problem: 'not_text' },
      );
    }
  }

  async open(shown: string): Promise<OpenedProject> {
    const abs = await this.ctx.access.resolveRead(shown);
    const name = path.basename(abs);
    const parsed = this.parse(await this.readProjectText(abs, shown), name);
    return openedView(
      this.ctx,
      parsed.project,
      parsed.weights,
      { path: this.ctx.access.display(abs), name, dir: path.dirname(abs), recovered: false },
      parsed.warnings,
    );
  }

  /** A project file dropped on the window (browser mode has no path for it). */
  async openText(name: string, text: string): Promise<OpenedProject> {
    const parsed = this.parse(text, name);
    return openedView(
      this.ctx,
      parsed.project,
      parsed.weights,
      { path: null, name, dir: null, recovered: false },
      parsed.warnings,
    );
  }

  /** Save and Save As: backup of the previous file, then the atomic write. */
  async save(shown: string, draft: ProjectDraft, recoveryKey?: string): Promise<SavedProject> {
    const saved = await this.write(shown, draft, false);
    if (recoveryKey) await this.recovery.discard(recoveryKey).catch(() => undefined);
    return saved;
  }

  /** Share…: a copy with the dataset embedded. */
  async share(shown: string, draft: ProjectDraft): Promise<SavedProject> {
    return this.write(shown, draft, true);
  }

  private async write(shown: string, draft: ProjectDraft, share: boolean): Promise<SavedProject> {
    const abs = await this.ctx.access.resolveWrite(shown);
    const built = await buildProject(this.ctx, draft, path.dirname(abs), share);
    const data = Buffer.from(serializeProject(built.project), 'utf8');
    if (data.byteLength > MAX_PROJECT_BYTES) {
      throw new AppError(
        'TOO_LARGE',
        `The project would be ${formatBytes(data.byteLength)}; the limit is ${formatBytes(MAX_PROJECT_BYTES)}.`,
        { size: data.byteLength, limit: MAX_PROJECT_BYTES },
      );
    }
    let backup = false;
    const warnings = [...built.warnings];
    if (!share) {
      // One backup of the previous version, written before the file is replaced: if the save
      // fails, both the file and its backup hold the previous version.
      const previous = await stat(abs).catch(() => null);
      if (previous?.isFile() && previous.size > MAX_PROJECT_BYTES) {
        warnings.push(`The previous "${path.basename(abs)}" was too large to keep as a backup.`);
      } else if (previous?.isFile()) {
        const old = await readFile(abs);
        await writeFileAtomic(abs + BACKUP_SUFFIX, old, this.atomicFs);
        backup = true;
      }
    }
    await writeFileAtomic(abs, data, this.atomicFs);
    return {
      path: this.ctx.access.display(abs),
      name: path.basename(abs),
      size: data.byteLength,
      dataset: built.dataset,
      weights: built.weights,
      backup,
      warnings,
    };
  }

  async autosave(req: {
    key: string;
    title: string;
    path: string | null;
    draft: ProjectDraft;
  }): Promise<{ savedAt: number; size: number }> {
    const built = await buildProject(this.ctx, req.draft, this.recovery.dir, false);
    // Only a path the renderer may write is remembered: recovering grants it again (desktop).
    const target = req.path ? await this.ctx.access.resolveWrite(req.path).catch(() => null) : null;
    const savedAt = this.now();
    const size = await this.recovery.save(
      {
        key: req.key,
        title: req.title,
        path: target === null ? null : this.ctx.access.display(target),
        savedAt,
      },
      serializeProject(built.project),
    );
    return { savedAt, size };
  }

  /**
   * Once per app start: removes the temporary files saves killed midway left behind (only ours,
   * only older than a few minutes). Returns the paths removed.
   */
  cleanStaleTemps(): Promise<string[]> {
    this.swept ??= sweepProjectTemps(this.platform, this.now()).catch(() => []);
    return this.swept;
  }

  /** Asked once when the app starts, so it also runs the start's cleanup first. */
  async recoverable(): Promise<Recoverable[]> {
    await this.cleanStaleTemps();
    return this.recovery.list();
  }

  async recover(key: string): Promise<OpenedProject> {
    const entry = await this.recovery.entry(key);
    const file = this.recovery.fileOf(key);
    // The original path comes from the app's own index (the user chose it in an earlier session),
    // so Save can write back there in desktop mode.
    if (entry.path && this.platform.mode === 'desktop' && path.isAbsolute(entry.path)) {
      this.ctx.access.grant(entry.path);
    }
    const parsed = this.parse(await this.readProjectText(file, entry.title), entry.title);
    return openedView(
      this.ctx,
      parsed.project,
      parsed.weights,
      { path: entry.path, name: entry.title, dir: this.recovery.dir, recovered: true },
      parsed.warnings,
    );
  }

  discardRecovery(key: string): Promise<boolean> {
    return this.recovery.discard(key);
  }

  locateDataset(
    shown: string,
    link: Parameters<typeof locateDataset>[2],
    force: boolean,
  ): ReturnType<typeof locateDataset> {
    return locateDataset(this.ctx, shown, link, force);
  }
}
