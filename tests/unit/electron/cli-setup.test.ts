/** The run setup the app's training and the CLI share (electron/backend/training/setup.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_SETTINGS } from '../../../electron/contract/training';
import { cleanMetrics } from '../../../electron/backend/training/run';
import { inUnits, prepareRun, type RunData } from '../../../electron/backend/training/setup';
import { parseLayerSpec } from '../../../engine/graph/spec-string';
import type { Encoded } from '../../../engine/data/encode';

const graph = (spec: string) => {
  const r = parseLayerSpec(spec, 'auto');
  if (!r.ok) throw new Error(r.message);
  return r.graph;
};
const encoded = (
  rows: number,
  y: Int32Array | Float32Array,
  scale?: Encoded['targetScale'],
): Encoded => ({
  rows,
  width: 2,
  x: new Float32Array(rows * 2).map((_, i) => i / 10),
  y,
  ...(scale ? { targetScale: scale } : {}),
});
const none = encoded(0, new Int32Array(0));

describe('the shared run setup', () => {
  it('one-hot targets for a softmax classifier, the class count passed to compile', () => {
    const data: RunData = {
      train: encoded(3, Int32Array.from([0, 2, 1])),
      validation: none,
      test: none,
      task: 'classification',
      classNames: ['a', 'b', 'c'],
      features: 2,
    };
    const p = prepareRun(data, graph('dense:3,softmax'), DEFAULT_TRAIN_SETTINGS, 'cpu');
    expect(p.start.train.y).toMatchObject({ rows: 3, cols: 3 });
    expect(Array.from(p.start.train.y.data)).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0]);
    expect(p.start.validation).toBeNull();
    expect(p.targetStd).toBe(1);
    expect(() => prepareRun(data, graph('dense:2,softmax'), DEFAULT_TRAIN_SETTINGS, 'cpu')).toThrow(
      'has 2 units but the target has 3 classes',
    );
  });
  it('one-hot targets for MSE on a class target (one output unit per class)', () => {
    const data: RunData = {
      train: encoded(2, Int32Array.from([1, 0])),
      validation: none,
      test: none,
      task: 'classification',
      classNames: ['a', 'b'],
      features: 2,
    };
    const r = parseLayerSpec('dense:2', 'mse');
    if (!r.ok) throw new Error(r.message);
    const p = prepareRun(data, r.graph, DEFAULT_TRAIN_SETTINGS, 'cpu');
    expect(p.spec.loss).toBe('mse');
    expect(p.start.train.y).toMatchObject({ rows: 2, cols: 2 });
    expect(Array.from(p.start.train.y.data)).toEqual([0, 1, 1, 0]);
  });
  it('keeps the regression target scaled and reports its scale', () => {
    const data: RunData = {
      train: encoded(2, Float32Array.from([-1, 1]), { mean: 50, std: 10 }),
      validation: none,
      test: none,
      task: 'regression',
      classNames: null,
      features: 2,
    };
    const p = prepareRun(data, graph('dense:1'), DEFAULT_TRAIN_SETTINGS, 'auto');
    expect(Array.from(p.start.train.y.data)).toEqual([-1, 1]);
    expect([p.targetMean, p.targetStd]).toEqual([50, 10]);
    expect(cleanMetrics({ loss: 0.5, mae: 0.2, r2: 0.9 }, p.targetStd)).toEqual({
      loss: 0.5,
      mae: 2,
      r2: 0.9,
    });
    const e = inUnits(
      {
        split: 'test',
        rows: 1,
        metrics: { loss: 1, mae: 0.5 },
        confusion: null,
        cellRows: null,
        classNames: null,
        pairs: [[1, 0]],
      },
      10,
      50,
    );
    expect(e).toMatchObject({ metrics: { mae: 5 }, pairs: [[60, 50]] });
  });
  it('refuses images whose size does not match the features, and an empty training split', () => {
    const data: RunData = {
      train: encoded(0, new Float32Array(0)),
      validation: none,
      test: none,
      task: 'regression',
      classNames: null,
      features: 2,
    };
    const image = {
      width: 2,
      height: 2,
      channels: 1,
      flip: false,
      shift: 0,
      scale: 0,
      brightness: 0,
    };
    expect(() =>
      prepareRun(
        data,
        graph('dense:1'),
        { ...DEFAULT_TRAIN_SETTINGS, augment: { noise: null, mixup: null, image } },
        'cpu',
      ),
    ).toThrow('2 × 2 × 1 = 4 values, but the data has 2 features');
    expect(() => prepareRun(data, graph('dense:1'), DEFAULT_TRAIN_SETTINGS, 'cpu')).toThrow(
      'The training split has no rows.',
    );
  });
});
