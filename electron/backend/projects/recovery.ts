/**
 * The recovery folder: autosaved documents (KEY.layerlab, written atomically) and a small index
 * (index.json: key, title, original path, time, size, and which app session wrote it). An entry
 * written by another session whose process is gone is what a crash left behind.
 */
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../contract';
import type { Recoverable } from '../../contract/projects';
import { writeFileAtomic, type AtomicFs } from '../files/atomic';
import { readCapped } from './io';

const entrySchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  title: z.string().max(255),
  path: z.string().max(4096).nullable(),
  savedAt: z.number(),
  size: z.number().int().nonnegative(),
  session: z.string().max(100),
  pid: z.number().int(),
});
type Entry = z.infer<typeof entrySchema>;
const indexSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema).max(1000) });

const INDEX = 'index.json';
const INDEX_LIMIT = 4 * 1024 * 1024;

export interface RecoveryOptions {
  session: string;
  pid: number;
  isAlive: (pid: number) => boolean;
  atomicFs?: AtomicFs | undefined;
}

export class RecoveryStore {
  /** Index updates one at a time (autosaves of several documents may overlap). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly opts: RecoveryOptions,
  ) {}

  fileOf(key: string): string {
    return path.join(this.dir, `${key}.layerlab`);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The index; rebuilt from the folder's files when it is missing or damaged. */
  private async readIndex(): Promise<Entry[]> {
    try {
      const bytes = await readCapped(path.join(this.dir, INDEX), INDEX_LIMIT, INDEX);
      const parsed = indexSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
      if (parsed.success) return parsed.data.entries;
    } catch {
      /* missing or damaged: rebuild below */
    }
    const entries: Entry[] = [];
    const names = await readdir(this.dir).catch(() => [] as string[]);
    for (const name of names) {
      const m = /^([A-Za-z0-9-]{8,64})\.layerlab$/.exec(name);
      if (!m) continue;
      const s = await stat(path.join(this.dir, name)).catch(() => null);
      if (!s?.isFile()) continue;
      entries.push({
        key: m[1]!,
        title: 'Recovered project',
        path: null,
        savedAt: s.mtimeMs,
        size: s.size,
        session: 'unknown',
        pid: -1,
      });
    }
    return entries;
  }

  private async writeIndex(entries: Entry[]): Promise<void> {
    const text = JSON.stringify({ version: 1, entries }, null, 2) + '\n';
    await writeFileAtomic(path.join(this.dir, INDEX), text, this.opts.atomicFs);
  }

  async save(
    meta: { key: string; title: string; path: string | null; savedAt: number },
    text: string,
  ): Promise<number> {
    return this.serial(async () => {
      await mkdir(this.dir, { recursive: true });
      const data = Buffer.from(text, 'utf8');
      await writeFileAtomic(this.fileOf(meta.key), data, this.opts.atomicFs);
      const entries = (await this.readIndex()).filter((e) => e.key !== meta.key);
      entries.push({
        ...meta,
        size: data.byteLength,
        session: this.opts.session,
        pid: this.opts.pid,
      });
      await this.writeIndex(entries);
      return data.byteLength;
    });
  }

  /** Autosaves left by sessions that are gone, newest first. */
  async list(): Promise<Recoverable[]> {
    return this.serial(async () => {
      const entries = await this.readIndex();
      const out: Recoverable[] = [];
      for (const e of entries) {
        if (e.session === this.opts.session) continue;
        if (e.pid > 0 && e.pid !== this.opts.pid && this.opts.isAlive(e.pid)) continue;
        const s = await stat(this.fileOf(e.key)).catch(() => null);
        if (!s?.isFile()) continue;
        out.push({ key: e.key, title: e.title, path: e.path, savedAt: e.savedAt, size: s.size });
      }
      return out.sort((a, b) => b.savedAt - a.savedAt);
    });
  }

  async entry(key: string): Promise<Recoverable> {
    const found = (await this.serial(() => this.readIndex())).find((e) => e.key === key);
    if (!found)
      throw new AppError('NOT_FOUND', 'There is no recovered document with that key.', { key });
    return { key, title: found.title, path: found.path, savedAt: found.savedAt, size: found.size };
  }

  async discard(key: string): Promise<boolean> {
    return this.serial(async () => {
      const entries = await this.readIndex();
      const kept = entries.filter((e) => e.key !== key);
      let removed = kept.length !== entries.length;
      try {
        await unlink(this.fileOf(key));
        removed = true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      if (kept.length !== entries.length) await this.writeIndex(kept);
      return removed;
    });
  }
}

/** Whether a process id belongs to a running process. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
