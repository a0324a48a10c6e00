/**
 * Atomic file replacement: write a temporary file beside the target, fsync it, rename it over
 * the target, then fsync the folder. A crash or error at any point leaves the previous file
 * intact (rename is atomic on one file system); the temporary file is removed on failure, and
 * one left by a crash (the process killed mid-write) is removed by sweepStaleTemps later.
 */
import { lstat, open, readdir, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The file-system calls used, so tests can make one of them fail midway. */
export interface AtomicFs {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

const realFs: AtomicFs = { open, rename, unlink };

/** ".NAME.HEX.tmp": hidden, beside NAME, 12 random hex digits. */
const TEMP_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

export function tempNameFor(target: string): string {
  return `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`;
}

/** The target a temporary file of ours was written for ("NAME"), or null for any other name. */
export function tempTarget(name: string): string | null {
  return TEMP_NAME.exec(name)?.[1] ?? null;
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  fs: AtomicFs = realFs,
): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, tempNameFor(target));
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await fs.open(tmp, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, target);
  } catch (err) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw err;
  }
  // Make the rename itself durable; not every platform lets a folder be fsynced.
  try {
    const d = await fs.open(dir, 'r');
    await d.sync().catch(() => undefined);
    await d.close();
  } catch {
    /* best effort */
  }
}

export interface SweepOptions {
  /** Which targets are ours (e.g. names ending in ".layerlab"); nothing else is touched. */
  isOurTarget: (target: string) => boolean;
  /** Only files last written before this time (ms) are removed: a save may still be running. */
  before: number;
}

/**
 * Removes temporary files a crashed save left in `dir` (not in its subfolders): plain files
 * named like ours, for one of our targets, older than `before`. Never follows links. Returns
 * the paths removed; a folder that cannot be read is skipped.
 */
export async function sweepStaleTemps(dir: string, opts: SweepOptions): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const target = tempTarget(name);
    if (target === null || !opts.isOurTarget(target)) continue;
    const file = path.join(dir, name);
    const s = await lstat(file).catch(() => null);
    if (!s?.isFile() || s.mtimeMs >= opts.before) continue;
    try {
      await unlink(file);
      removed.push(file);
    } catch {
      /* gone already, or not ours to remove: leave it */
    }
  }
  return removed;
}
