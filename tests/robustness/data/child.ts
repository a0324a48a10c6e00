/**
 * Runs in a child process (node --expose-gc) so its memory is its own: opens a CSV file through
 * the dataset service the way the app does, and prints one JSON line with what happened and the
 * memory it took (peak RSS from /proc/self/status VmHWM where there is one).
 *
 *   child.cjs open WORKSPACE FILE         open, report the summary's size or the error
 *   child.cjs close WORKSPACE WARMUP FILE open and close FILE (after WARMUP, opened and closed to
 *                                         load the code first), heap and RSS before and after
 */
import { readFileSync } from 'node:fs';
import { WorkspaceAccess } from '../../../electron/backend/files/access';
import { datasetHandlers } from '../../../electron/backend/datasets/service';
import { DatasetStore } from '../../../electron/backend/datasets/store';

const gc = (globalThis as { gc?: () => void }).gc;

function peakRssBytes(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: the resource usage below
  }
  return process.resourceUsage().maxRSS * 1024;
}

function memory() {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
}

async function main(): Promise<unknown> {
  const [mode, workspace, ...files] = process.argv.slice(2);
  const access = await WorkspaceAccess.open(workspace!);
  const handlers = datasetHandlers(access, () => {}, new DatasetStore());
  const open = async (path: string) => {
    const s = await handlers['datasets:open']({ path });
    return { id: s.id, columns: s.file.columns, rows: s.file.rows };
  };
  if (mode === 'open') {
    try {
      const s = await open(files[0]!);
      return { ok: true, ...s, peakRss: peakRssBytes() };
    } catch (err) {
      const e = err as { code?: string; message?: string; details?: unknown };
      return { ok: false, code: e.code, message: e.message, peakRss: peakRssBytes() };
    }
  }
  const warm = await open(files[0]!);
  await handlers['datasets:close']({ id: warm.id });
  const before = memory();
  const { id, columns, rows } = await open(files[1]!);
  const loaded = memory();
  const { closed } = await handlers['datasets:close']({ id });
  // Timers and immediates of the load settle before measuring.
  await new Promise((r) => setTimeout(r, 50));
  const after = memory();
  return { ok: true, closed, columns, rows, before, loaded, after };
}

main().then(
  (r) => process.stdout.write(JSON.stringify(r) + '\n'),
  (err: unknown) => {
    process.stdout.write(JSON.stringify({ ok: false, crashed: String(err) }) + '\n');
    process.exitCode = 1;
  },
);
