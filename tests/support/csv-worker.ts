/**
 * The CSV worker thread bundled for a test (the app's build does the same for dist/): a temp
 * folder holding csv-worker.cjs, and a function that removes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '../..');

export async function bundleCsvWorker(
  prefix: string,
): Promise<{ workerPath: string; dir: string; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const workerPath = path.join(dir, 'csv-worker.cjs');
  await build({
    entryPoints: [path.join(root, 'electron/backend/csv-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: workerPath,
    logLevel: 'warning',
  });
  return { workerPath, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
