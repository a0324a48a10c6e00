/**
 * Bench (not a test) for the Boundary tab, as one JSON line:
 *  - paint: decoding a 64 × 64 frame and filling the 256 × 256 canvas buffer (paintGrid), the
 *    renderer's per-frame work before putImageData (target < 8 ms; median of 200);
 *  - training throughput on breast-cancer-sized data (569 rows × 30 features, 2 classes,
 *    30-16-8-1 ReLU, batch 16) with the tab closed, open (a boundary frame at most every 200 ms,
 *    as the worker sends them, structured-cloned like a postMessage) and open with a Dense
 *    node's neurons watched: kept share = open / closed samples per second (target ≥ 90 %).
 *
 *   node scripts/build.mjs --only bench && node dist/bench/boundary-bench.cjs [epochs]
 * (3000 epochs: each run lasts about 3 s here, long enough for ~15 frames.)
 */
import { performance } from 'node:perf_hooks';
import { Trainer } from '../engine/train/trainer';
import type { ModelSpec } from '../engine/train/spec';
import { Rng } from '../engine/data/rng';
import { BoundaryWatcher } from '../electron/backend/training/boundary-watch';
import type { BoundaryWatch } from '../electron/backend/training/boundary-eval';
import { decodeBase64, paintGrid } from '../renderer/panels/boundary/paint';
import type { FromWorker } from '../electron/backend/training/protocol';

const EPOCHS = Number(process.argv[2] ?? 3000);
const ROWS = 569;
const FEATURES = 30;

function data(seed: number) {
  const rng = new Rng(seed);
  const x = new Float32Array(ROWS * FEATURES);
  const y = new Float32Array(ROWS);
  for (let r = 0; r < ROWS; r++) {
    let s = 0;
    for (let j = 0; j < FEATURES; j++) {
      const v = rng.normal();
      x[r * FEATURES + j] = v;
      s += v * (j % 3 === 0 ? 1 : -0.3);
    }
    y[r] = s + 0.5 * rng.normal() > 0 ? 1 : 0;
  }
  return { x: { rows: ROWS, cols: FEATURES, data: x }, y: { rows: ROWS, cols: 1, data: y } };
}

const dense = (units: number, activation: 'relu' | 'linear', id: string) => ({
  type: 'dense' as const,
  units,
  useBias: true,
  initializer: 'he_uniform' as const,
  activation,
  alpha: 0.01,
  l1: null,
  l2: null,
  nodeIds: [id],
});
const spec: ModelSpec = {
  inputs: FEATURES,
  layers: [
    dense(16, 'relu', 'dense_1'),
    dense(8, 'relu', 'dense_2'),
    dense(1, 'linear', 'dense_3'),
  ],
  loss: 'bce',
  l1: 0,
  l2: 0,
};

const median = (a: number[]) => [...a].sort((p, q) => p - q)[a.length >> 1]!;

async function train(
  mode: 'closed' | 'open' | 'neurons',
): Promise<{ sps: number; frames: number }> {
  const set = data(1);
  const trainer = new Trainer(spec, { seed: 2, maxBatch: 16 });
  let frames = 0;
  const watcher = new BoundaryWatcher((m: FromWorker) => {
    structuredClone(m);
    frames++;
  });
  watcher.attach(trainer, { train: set, validation: set, classNames: ['0', '1'] });
  if (mode !== 'closed') {
    const watch: BoundaryWatch = {
      plane: { kind: 'pca' },
      nodeId: mode === 'neurons' ? 'dense_1' : null,
      columns: null,
      targetStd: 1,
      targetMean: 0,
    };
    watcher.set(watch);
  }
  const t0 = performance.now();
  await trainer.fit(set, {
    epochs: EPOCHS,
    batchSize: 16,
    optimizer: { name: 'adam', lr: 0.001 },
    shuffle: true,
    validation: set,
    onEvent: (e) => {
      if (e.type === 'epoch' && mode !== 'closed') watcher.onEpoch(e.epoch);
    },
  });
  const s = (performance.now() - t0) / 1000;
  return { sps: (EPOCHS * ROWS) / s, frames };
}

async function main() {
  // Paint: a frame as the worker sends it.
  const rng = new Rng(3);
  const cls = Buffer.from(Uint8Array.from({ length: 4096 }, () => rng.int(2))).toString('base64');
  const prob = Buffer.from(Uint8Array.from({ length: 4096 }, () => rng.int(256))).toString(
    'base64',
  );
  const rgba = new Uint8ClampedArray(256 * 256 * 4);
  const paints: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    paintGrid(rgba, 256, 256, decodeBase64(cls), decodeBase64(prob), 64, 2);
    paints.push(performance.now() - t);
  }
  const runs: Record<string, number[]> = { closed: [], open: [], neurons: [] };
  const frames: Record<string, number> = {};
  for (let rep = 0; rep < 3; rep++) {
    for (const mode of ['closed', 'open', 'neurons'] as const) {
      const r = await train(mode);
      runs[mode]!.push(r.sps);
      frames[mode] = r.frames;
    }
  }
  const closed = median(runs.closed!);
  const open = median(runs.open!);
  const neurons = median(runs.neurons!);
  console.log(
    JSON.stringify({
      paintMsMedian: Number(median(paints).toFixed(3)),
      paintTargetMs: 8,
      epochs: EPOCHS,
      samplesPerSec: {
        closed: Math.round(closed),
        open: Math.round(open),
        neurons: Math.round(neurons),
      },
      framesPerRun: frames,
      keptOpen: Number((open / closed).toFixed(3)),
      keptNeurons: Number((neurons / closed).toFixed(3)),
      keptTarget: 0.9,
    }),
  );
}

void main();
