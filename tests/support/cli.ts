/**
 * The built CLI (dist/electron/cli.cjs, built once by ./global-setup.ts), spawned as a user runs
 * it. LAYERLAB_DIST moves the build, resolved from the current folder as scripts/build.mjs does.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
export const distDir = process.env.LAYERLAB_DIST
  ? path.resolve(process.env.LAYERLAB_DIST)
  : path.join(root, 'dist');
export const cliPath = path.join(distDir, 'electron/cli.cjs');

/** Runs `layerlab ARGS…`: its exit code and output. */
export function runCli(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
