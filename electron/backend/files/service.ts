/** files:* and dialog:* handlers: reading, writing and choosing files through a FileAccess policy. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  MAX_TEXT_BYTES,
  type DirEntry,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../contract';
import type { Platform } from '../platform';
import type { FileAccess } from './access';
import { writeFileAtomic } from './atomic';
import { ReadableFile } from './safe-read';

const LIST_LIMIT = 5000;

export function fileHandlers(platform: Platform, access: FileAccess) {
  /** Writes atomically (temp file, fsync, rename) where the access policy allows. */
  const write = async (shown: string, data: Buffer) => {
    const abs = await access.resolveWrite(shown);
    await writeFileAtomic(abs, data);
    return { path: access.display(abs), size: data.byteLength };
  };
  return {
    async 'dialog:open'(req: ParsedRequestOf<'dialog:open'>): Promise<ResponseOf<'dialog:open'>> {
      if (!platform.showOpenDialog) {
        throw new AppError(
          'NOT_ALLOWED',
          'This window has no system file dialog; use the in-app file picker.',
        );
      }
      const chosen = await platform.showOpenDialog({
        filters: req.filters,
        ...(req.title ? { title: req.title } : {}),
      });
      if (chosen) access.grant(chosen);
      return { path: chosen ? access.display(chosen) : null };
    },

    async 'dialog:save'(req: ParsedRequestOf<'dialog:save'>): Promise<ResponseOf<'dialog:save'>> {
      if (!platform.showSaveDialog) {
        throw new AppError(
          'NOT_ALLOWED',
          'This window has no system file dialog; use the in-app file picker.',
        );
      }
      const chosen = await platform.showSaveDialog({
        filters: req.filters,
        ...(req.title ? { title: req.title } : {}),
        ...(req.defaultName ? { defaultName: req.defaultName } : {}),
      });
      if (chosen) access.grant(chosen);
      return { path: chosen ? access.display(chosen) : null };
    },

    async 'files:list'(req: ParsedRequestOf<'files:list'>): Promise<ResponseOf<'files:list'>> {
      const dir = await access.resolveDir(req.dir);
      const names = await readdir(dir, { withFileTypes: true });
      const entries: DirEntry[] = [];
      for (const d of names) {
        if (entries.length >= LIST_LIMIT) break;
        if (d.name.startsWith('.')) continue; // hidden files, temporary save files
        const abs = path.join(dir, d.name);
        try {
          // stat follows links; a link that leads out of the workspace is skipped, not shown.
          const real = d.isSymbolicLink() ? await access.resolveRead(access.display(abs)) : abs;
          const s = await stat(real);
          if (!s.isFile() && !s.isDirectory()) continue;
          entries.push({
            name: d.name,
            path: access.display(abs),
            kind: s.isDirectory() ? 'dir' : 'file',
            size: s.isFile() ? s.size : 0,
            modified: s.mtimeMs,
          });
        } catch {
          continue;
        }
      }
      entries.sort((a, b) =>
        a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1,
      );
      const shown = access.display(dir);
      const parent = shown === '' ? null : access.display(path.dirname(dir));
      return { dir: shown, parent, entries };
    },

    async 'files:readText'(
      req: ParsedRequestOf<'files:readText'>,
    ): Promise<ResponseOf<'files:readText'>> {
      const abs = await access.resolveRead(req.path);
      const limit = req.maxBytes ?? MAX_TEXT_BYTES;
      // Never blocks: a FIFO, socket, device or folder is refused once open, reads time out.
      const file = await ReadableFile.open(abs, req.path);
      try {
        const bytes = await file.readAll(limit);
        let text: string;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          throw new AppError('BAD_REQUEST', `"${path.basename(abs)}" is not UTF-8 text.`, {
            path: req.path,
          });
        }
        return {
          path: access.display(abs),
          name: path.basename(abs),
          size: bytes.byteLength,
          text,
        };
      } finally {
        await file.close();
      }
    },

    async 'files:writeText'(
      req: ParsedRequestOf<'files:writeText'>,
    ): Promise<ResponseOf<'files:writeText'>> {
      return write(req.path, Buffer.from(req.text, 'utf8'));
    },

    async 'files:writeBytes'(
      req: ParsedRequestOf<'files:writeBytes'>,
    ): Promise<ResponseOf<'files:writeBytes'>> {
      return write(req.path, Buffer.from(req.base64, 'base64'));
    },
  };
}
