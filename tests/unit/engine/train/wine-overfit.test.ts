/**
 * The real check: the "Overfits on purpose" template (Dense 512 → ReLU → Dense 512 → ReLU →
 * Dense 3 → Softmax, no regularization, Adam lr 1e-3, batch 16) on the wine sample, standardized,
 * stratified 70/15/15 split with the seeded RNG, raises the overfitting alert. (Whether it overfits
 * depends on the split: on some splits the 27 validation rows stay easy and their loss keeps
 * falling for 200 epochs, and the monitor rightly stays silent.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { matOf } from '../../../../engine/backend/backend';
import {
  applyStandardizer,
  fitStandardizer,
  oneHot,
  takeRows,
  type Dataset,
} from '../../../../engine/data/dataset';
import { Rng } from '../../../../engine/data/rng';
import { TrainingControl } from '../../../../engine/train/control';
import type { AlertEvent } from '../../../../engine/train/events';
import { Trainer } from '../../../../engine/train/trainer';
import { denseSpec } from './helpers';

/**
 * Stratified 70/15/15 split, self-contained so the test does not move with the data pipeline: per
 * class (in class order) the rows are shuffled with Rng(seed), then round(15 %) go to test,
 * round(15 %) to validation and the rest to training.
 */
function stratified(labels: number[], seed: number): { train: number[]; val: number[] } {
  const rng = new Rng(seed);
  const train: number[] = [];
  const val: number[] = [];
  for (const c of [...new Set(labels)].sort((a, b) => a - b)) {
    const rows = Int32Array.from(labels.flatMap((l, i) => (l === c ? [i] : [])));
    rng.shuffle(rows);
    const n = Math.round(rows.length * 0.15);
    val.push(...rows.subarray(n, 2 * n));
    train.push(...rows.subarray(2 * n));
  }
  return { train, val };
}

/** The all-numeric wine sample: features as they are, the last column (0, 1, 2) as labels. */
function wineTable() {
  const file = path.resolve(__dirname, '../../../../assets/datasets/wine.csv');
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map(Number));
  const cols = rows[0]!.length - 1;
  const x = matOf(rows.length, cols, Float32Array.from(rows.flatMap((r) => r.slice(0, cols))));
  const labels = Int32Array.from(rows.map((r) => r[cols]!));
  return { x, labels, classes: new Set(labels).size };
}

function wine(seed: number): { train: Dataset; val: Dataset } {
  const { x, labels, classes } = wineTable();
  const t = { x };
  const s = stratified(Array.from(labels), seed);
  const y = oneHot(labels, classes);
  const train = { x: takeRows(t.x, s.train), y: takeRows(y, s.train) };
  const val = { x: takeRows(t.x, s.val), y: takeRows(y, s.val) };
  const st = fitStandardizer(train.x);
  applyStandardizer(train.x, st);
  applyStandardizer(val.x, st);
  return { train, val };
}

describe('the overfitting monitor on real data', () => {
  it('fires on the "overfits on purpose" net on wine (epoch 12 at seed 1), and restore goes back to the best epoch', async () => {
    const { train, val } = wine(1);
    expect([train.x.rows, val.x.rows]).toEqual([124, 27]);
    const spec = {
      inputs: 13,
      layers: [
        denseSpec(512, 'relu', ['d1', 'a1']),
        denseSpec(512, 'relu', ['d2', 'a2']),
        denseSpec(3, 'linear', ['d3']),
      ],
      loss: 'cce' as const,
      l1: 0,
      l2: 0,
    };
    const trainer = new Trainer(spec, { seed: 1 });
    const control = new TrainingControl();
    const alerts: AlertEvent[] = [];
    const r = await trainer.fit(train, {
      epochs: 200,
      batchSize: 16,
      optimizer: { name: 'adam', lr: 1e-3 },
      validation: val,
      batchEvery: 0,
      control,
      onEvent: (e) => {
        if (e.type !== 'alert') return;
        alerts.push(e);
        if (e.kind === 'overfitting') control.stop();
      },
    });
    const overfit = alerts.find((a) => a.kind === 'overfitting')!;
    expect(overfit.epoch).toBe(12);
    expect(alerts.filter((a) => a.kind !== 'overfitting')).toEqual([]);
    expect(overfit.evidence.bestEpoch).toBe(5);
    expect(overfit.evidence.gl!).toBeGreaterThan(5);
    expect(overfit.remedies[0]).toEqual({ kind: 'restore_best', epoch: 5 });
    expect(overfit.remedies).toContainEqual({ kind: 'add_dropout', afterNodeId: 'a1', rate: 0.5 });
    expect(r.reason).toBe('stopped');
    expect(trainer.restoreBest()).toBe(5);
    expect(trainer.evaluate(val).loss).toBeCloseTo(r.history[4]!.val!.loss, 5);
  }, 30_000);
});
