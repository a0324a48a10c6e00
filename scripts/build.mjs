// Builds every part of Layerlab into dist/:
//   dist/renderer/          the React app (Vite)
//   dist/electron/*.cjs     main, preload, the browser-mode host, the CLI, the training and CSV workers (esbuild)
//   dist/bench/run.cjs      the benchmark runner
// LAYERLAB_DIST=DIR builds into DIR instead of dist/ (parallel work on one checkout).
// `node scripts/build.mjs --only electron,cli` builds a subset (renderer, electron, host, cli, bench).
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chmodSync, readFileSync } from 'node:fs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? new Set(
      (onlyArg.includes('=')
        ? onlyArg.split('=')[1]
        : process.argv[process.argv.indexOf(onlyArg) + 1]
      ).split(','),
    )
  : null;
const want = (part) => !only || only.has(part);
const distDir = process.env.LAYERLAB_DIST
  ? path.resolve(process.env.LAYERLAB_DIST)
  : path.join(root, 'dist');

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: {
    __LAYERLAB_VERSION__: JSON.stringify(
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version,
    ),
  },
  // Native or optional modules stay outside the bundle; electron is provided by the runtime.
  // gpu.js is bundled (pure JavaScript); its native headless-gl (`gl`, an optional dependency
  // shipped unpacked) stays outside, and `webgpu` (84 MB, never loaded in Node) is never bundled.
  external: ['electron', 'gl', 'webgpu', 'bufferutil', 'utf-8-validate'],
};

const entries = [
  ['electron', 'electron/main.ts', 'dist/electron/main.cjs'],
  ['electron', 'electron/preload.ts', 'dist/electron/preload.cjs'],
  ['host', 'electron/host.ts', 'dist/electron/host.cjs'],
  ['cli', 'electron/cli.ts', 'dist/electron/cli.cjs', '#!/usr/bin/env node'],
  ['electron', 'electron/backend/training-worker.ts', 'dist/electron/training-worker.cjs'],
  ['host', 'electron/backend/training-worker.ts', 'dist/electron/training-worker.cjs'],
  ['electron', 'electron/backend/csv-worker.ts', 'dist/electron/csv-worker.cjs'],
  ['host', 'electron/backend/csv-worker.ts', 'dist/electron/csv-worker.cjs'],
  ['electron', 'electron/backend/training/gemm-helper.ts', 'dist/electron/gemm-helper.cjs'],
  ['host', 'electron/backend/training/gemm-helper.ts', 'dist/electron/gemm-helper.cjs'],
  // Sweep workers: next to every bundle that runs a sweep (app, browser host, CLI, benchmark).
  ['electron', 'electron/backend/sweep-worker.ts', 'dist/electron/sweep-worker.cjs'],
  ['host', 'electron/backend/sweep-worker.ts', 'dist/electron/sweep-worker.cjs'],
  ['cli', 'electron/backend/sweep-worker.ts', 'dist/electron/sweep-worker.cjs'],
  ['bench', 'electron/backend/sweep-worker.ts', 'dist/bench/sweep-worker.cjs'],
  ['bench', 'bench/sweep-bench.ts', 'dist/bench/sweep-bench.cjs'],
  ['bench', 'bench/run.ts', 'dist/bench/run.cjs'],
  ['bench', 'electron/backend/training/gemm-helper.ts', 'dist/bench/gemm-helper.cjs'],
  ['bench', 'bench/csv-bench.ts', 'dist/bench/csv-bench.cjs'],
  ['bench', 'bench/validate-bench.ts', 'dist/bench/validate-bench.cjs'],
  ['bench', 'electron/backend/csv-worker.ts', 'dist/bench/csv-worker.cjs'],
  ['bench', 'bench/predict-bench.ts', 'dist/bench/predict-bench.cjs'],
  ['bench', 'bench/boundary-bench.ts', 'dist/bench/boundary-bench.cjs'],
];

const done = new Set();
for (const [part, src, out, banner] of entries) {
  if (!want(part) || done.has(out) || !existsSync(path.join(root, src))) continue;
  done.add(out);
  await esbuild({
    ...node,
    entryPoints: [path.join(root, src)],
    outfile: path.join(distDir, path.relative('dist', out)),
    ...(banner ? { banner: { js: banner } } : {}),
  });
  // The CLI is the package's bin: `npx layerlab …` runs it directly.
  if (banner) chmodSync(path.join(distDir, path.relative('dist', out)), 0o755);
}

if (want('renderer')) {
  const { build } = await import('vite');
  await build({
    configFile: path.join(root, 'renderer/vite.config.mts'),
    logLevel: 'warn',
    build: { outDir: path.join(distDir, 'renderer'), emptyOutDir: true },
  });
}
console.log(
  `built ${[...done].map((o) => path.relative(root, o)).join(', ')}${want('renderer') ? ', dist/renderer' : ''}`,
);
