/**
 * Bench (not a test): `layerlab predict` on a generated 1,000,000-row CSV (6 numeric features and
 * one text feature), with a model trained by `layerlab train` on 5,000 rows of the same kind.
 * Predict streams (pieces in, batches encoded and predicted, lines written as they go), so its
 * peak RSS must stay bounded whatever the file's size: the target is < 300 MB. Reports that peak
 * (the CLI process's own, read at its exit) and rows/s, as one JSON line.
 *
 *   npm run bench:predict -- [rows]
 *   (= node scripts/build.mjs --only cli,bench && node dist/bench/predict-bench.cjs …)
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const TARGET_MB = 300;
const dir = path.join(tmpdir(), 'layerlab-predict-bench');
const cli = path.join(__dirname, '../electron/cli.cjs');
const COLORS = ['red', 'green', 'blue', 'amber'];

/** Seeded rows: y depends on the features, so the model learns something. */
async function generate(file: string, rows: number, seed: number): Promise<void> {
  const out = createWriteStream(file);
  let s = seed >>> 0;
  const rand = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
  out.write('f1,f2,f3,f4,f5,f6,color,y\n');
  let text = '';
  for (let r = 0; r < rows; r++) {
    const f = Array.from({ length: 6 }, (_, j) => rand() * 10 ** (j % 3));
    const c = Math.floor(rand() * COLORS.length);
    const y = f[0]! + f[1]! / 10 + c > 2.5 ? 'high' : 'low';
    text += `${f.map((v) => v.toFixed(4)).join(',')},${COLORS[c]},${y}\n`;
    if (text.length > 1 << 16) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'close');
}

function layerlab(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`layerlab ${args.slice(1).join(' ')} failed:\n${r.stderr}`);
}

async function main(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const train = path.join(dir, 'train.csv');
  const rows = path.join(dir, `rows-${ROWS}.csv`);
  const project = path.join(dir, 'model.layerlab');
  await generate(train, 5000, 1);
  try {
    statSync(rows);
  } catch {
    await generate(rows, ROWS, 2);
  }
  layerlab([
    cli,
    'train',
    '--data',
    train,
    '--target',
    'y',
    '--layers',
    'dense:32,relu,dense:2,softmax',
    '--epochs',
    '5',
    '--backend',
    'cpu',
    '--out',
    project,
  ]);
  // The CLI's own peak RSS, written at its exit by a preloaded hook.
  const hook = path.join(dir, 'rss-hook.cjs');
  const report = path.join(dir, 'rss.json');
  writeFileSync(
    hook,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify({ maxRSS: process.resourceUsage().maxRSS })));\n`,
  );
  const out = path.join(dir, 'pred.csv');
  const t0 = performance.now();
  layerlab(['--require', hook, cli, 'predict', '--project', project, '--data', rows, '--out', out]);
  const seconds = (performance.now() - t0) / 1000;
  const peakMb = (JSON.parse(readFileSync(report, 'utf8')) as { maxRSS: number }).maxRSS / 1024;
  const written = readFileSync(out, 'utf8').length; // a few tens of MB: fine for the bench
  console.log(
    JSON.stringify({
      bench: 'predict',
      rows: ROWS,
      file_mb: Number((statSync(rows).size / 2 ** 20).toFixed(1)),
      out_mb: Number((written / 2 ** 20).toFixed(1)),
      seconds: Number(seconds.toFixed(2)),
      rows_per_s: Math.round(ROWS / seconds),
      peak_rss_mb: Number(peakMb.toFixed(1)),
      target_rss_mb: TARGET_MB,
      ok: peakMb < TARGET_MB,
    }),
  );
}

void main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
