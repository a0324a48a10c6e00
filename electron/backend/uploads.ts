/**
 * Files the renderer uploads in pieces (see contract/uploads.ts), written to a temporary file as
 * they arrive so that a big file is never one message nor one string. A finished upload is
 * opened like any file on disk and then removed; one nobody finishes is removed once it has
 * been idle for `idleMs`, and when the backend stops.
 */
import { mkdir, mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { AppError, type ParsedRequestOf, type ResponseOf } from '../contract';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES, type UploadKind } from '../contract/uploads';

export interface UploadsOptions {
  /** Parent of the temporary folder; default: the system's temp dir. */
  tmpDir?: string;
  /** An upload without a new piece for this long is abandoned (default 2 minutes). */
  idleMs?: number;
  /** Uploads open at once; beginning one more abandons the oldest (default 8). */
  maxOpen?: number;
  now?: () => number;
}

interface Upload {
  id: string;
  kind: UploadKind;
  name: string;
  size: number;
  received: number;
  file: string;
  handle: FileHandle | null;
  touched: number;
  /** A piece is being written: the next must wait for it (pieces arrive in order). */
  busy: boolean;
}

/** A complete upload, handed over to be opened; `discard` removes its file. */
export interface FinishedUpload {
  name: string;
  size: number;
  /** The temporary file, named like the user's file (messages name it). */
  path: string;
  discard(): Promise<void>;
}

export class Uploads {
  private readonly open = new Map<string, Upload>();
  private dir: Promise<string> | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private readonly idleMs: number;
  private readonly maxOpen: number;
  private readonly now: () => number;

  constructor(private readonly opts: UploadsOptions = {}) {
    this.idleMs = opts.idleMs ?? 120_000;
    this.maxOpen = opts.maxOpen ?? 8;
    this.now = opts.now ?? Date.now;
  }

  async begin(req: ParsedRequestOf<'uploads:begin'>): Promise<ResponseOf<'uploads:begin'>> {
    const name = path.basename(req.name);
    if (!name || name === '.' || name === '..')
      throw new AppError('BAD_REQUEST', `"${req.name}" is not a file name.`);
    const limit = MAX_UPLOAD_BYTES[req.kind];
    if (req.size > limit)
      throw new AppError(
        'TOO_LARGE',
        `"${name}" has ${mib(req.size)}; the limit for a dropped ${req.kind} file is ${mib(limit)}.`,
        { file: name, size: req.size, limit },
      );
    await this.sweep();
    while (this.open.size >= this.maxOpen) await this.remove(this.open.keys().next().value!);
    const id = randomBytes(16).toString('hex');
    const folder = path.join(await this.folder(), id);
    await mkdir(folder);
    const file = path.join(folder, name);
    const upload: Upload = {
      id,
      kind: req.kind,
      name,
      size: req.size,
      received: 0,
      file,
      handle: await open(file, 'wx'),
      touched: this.now(),
      busy: false,
    };
    this.open.set(id, upload);
    this.startSweeping();
    return { id, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  async append(req: ParsedRequestOf<'uploads:append'>): Promise<ResponseOf<'uploads:append'>> {
    const upload = this.get(req.id);
    if (upload.busy || req.offset !== upload.received)
      throw new AppError(
        'BAD_REQUEST',
        `The piece of "${upload.name}" at byte ${req.offset} is out of order (expected byte ${upload.received}).`,
      );
    const bytes = Buffer.from(req.data, 'base64');
    if (upload.received + bytes.byteLength > upload.size) {
      await this.remove(upload.id);
      throw new AppError(
        'BAD_REQUEST',
        `"${upload.name}" is larger than the ${upload.size} bytes announced; the upload was dropped.`,
      );
    }
    upload.busy = true;
    try {
      await upload.handle!.write(bytes, 0, bytes.byteLength, req.offset);
    } catch (err) {
      await this.remove(upload.id);
      throw err;
    } finally {
      upload.busy = false;
    }
    upload.received += bytes.byteLength;
    upload.touched = this.now();
    return { received: upload.received };
  }

  async cancel(id: string): Promise<ResponseOf<'uploads:cancel'>> {
    return { cancelled: await this.remove(id) };
  }

  /** A complete upload of this kind, no longer open for pieces (the caller opens, then discards). */
  async finish(id: string, kind: UploadKind): Promise<FinishedUpload> {
    const upload = this.get(id);
    if (upload.kind !== kind)
      throw new AppError('BAD_REQUEST', `"${upload.name}" was uploaded as a ${upload.kind} file.`);
    if (upload.busy || upload.received !== upload.size)
      throw new AppError(
        'BAD_REQUEST',
        `"${upload.name}" is incomplete: ${upload.received} of ${upload.size} bytes arrived.`,
      );
    this.open.delete(id);
    await upload.handle?.close();
    upload.handle = null;
    const folder = path.dirname(upload.file);
    return {
      name: upload.name,
      size: upload.size,
      path: upload.file,
      discard: () => rm(folder, { recursive: true, force: true }),
    };
  }

  /** Where an open upload is written and whether all its bytes arrived; null when unknown. */
  peek(id: string): { path: string; size: number; complete: boolean } | null {
    const u = this.open.get(id);
    return u ? { path: u.file, size: u.size, complete: !u.busy && u.received === u.size } : null;
  }

  /** Removes uploads idle for longer than `idleMs`. */
  async sweep(): Promise<void> {
    const now = this.now();
    for (const u of [...this.open.values()])
      if (!u.busy && now - u.touched > this.idleMs) await this.remove(u.id);
  }

  /** How many uploads are open (tests). */
  get size(): number {
    return this.open.size;
  }

  async dispose(): Promise<void> {
    for (const id of [...this.open.keys()]) await this.remove(id);
    this.stopSweeping();
    if (this.dir) await rm(await this.dir, { recursive: true, force: true }).catch(() => undefined);
    this.dir = null;
  }

  private get(id: string): Upload {
    const upload = this.open.get(id);
    if (!upload)
      throw new AppError(
        'NOT_FOUND',
        'That upload is no longer open (it finished, was cancelled, or waited too long); drop the file again.',
        { id },
      );
    return upload;
  }

  private async remove(id: string): Promise<boolean> {
    const upload = this.open.get(id);
    if (!upload) return false;
    this.open.delete(id);
    await upload.handle?.close().catch(() => undefined);
    await rm(path.dirname(upload.file), { recursive: true, force: true }).catch(() => undefined);
    if (this.open.size === 0) this.stopSweeping();
    return true;
  }

  private folder(): Promise<string> {
    this.dir ??= mkdtemp(path.join(this.opts.tmpDir ?? os.tmpdir(), 'layerlab-uploads-'));
    return this.dir;
  }

  private startSweeping(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => void this.sweep(), Math.max(1000, this.idleMs / 2));
    this.sweeper.unref();
  }

  private stopSweeping(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
