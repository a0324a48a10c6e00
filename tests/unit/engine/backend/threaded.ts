/**
 * A CPU backend with one helper thread for the tests: the helper entry is bundled with esbuild
 * (workers cannot load TypeScript) into a temporary file and run by the app's WorkerThreadPool.
 * Construction blocks until the helper is ready, so every product and update above the
 * thresholds is split.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CpuBackend, type CpuKernel } from '../../../../engine/backend/cpu/cpu-backend';
import { WorkerThreadPool } from '../../../../electron/backend/training/thread-pool';

let script: string | null = null;

function helperScript(): string {
  if (script !== null) return script;
  const out = buildSync({
    entryPoints: [path.resolve(__dirname, '../../../../electron/backend/training/gemm-helper.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-helper-'));
  script = path.join(dir, 'gemm-helper.cjs');
  writeFileSync(script, out.outputFiles[0]!.text);
  return script;
}

/**
 * A backend on `kernel` with one helper thread, splitting products of at least `minMacs` and
 * updates of at least `minValues` resident values.
 */
export function threadedBackend(kernel: CpuKernel, minMacs = 0, minValues = 0): CpuBackend {
  const pool = new WorkerThreadPool(1, helperScript());
  const be = new CpuBackend({
    kernel,
    pool,
    parallelMinMacs: minMacs,
    parallelMinValues: minValues,
  });
  const sleep = new Int32Array(new SharedArrayBuffer(4));
  for (let i = 0; i < 1000 && be.helpersReady() < 1; i++) Atomics.wait(sleep, 0, 0, 10);
  if (be.helpersReady() < 1) throw new Error('the helper thread did not start within 10 s');
  return be;
}
