import { describe, expect, it } from 'vitest';
import {
  buildPlane,
  heldValues,
  paddedRange,
  principalComponents,
  type ColumnInfo,
} from '../../../../../electron/backend/training/boundary-plane';
import { BoundaryEvaluator } from '../../../../../electron/backend/training/boundary-eval';
import { Trainer } from '../../../../../engine/train/trainer';
import type { ModelSpec } from '../../../../../engine/train/spec';
import { Rng } from '../../../../../engine/data/rng';

const cols = (n: number): ColumnInfo[] =>
  Array.from({ length: n }, (_, j) => ({ label: `f${j}`, center: 0, scale: 1, group: j }));

describe('boundary plane', () => {
  it('finds the principal components of points spread along a diagonal', () => {
    const rng = new Rng(1);
    const n = 500;
    const x = new Float32Array(n * 2);
    for (let r = 0; r < n; r++) {
      const a = 3 * rng.normal();
      const b = 0.3 * rng.normal();
      x[2 * r] = 1 + (a + b) / Math.SQRT2;
      x[2 * r + 1] = -2 + (a - b) / Math.SQRT2;
    }
    const { mean, components, variances } = principalComponents(x, n, 2);
    expect(mean[0]).toBeCloseTo(1, 0);
    expect(mean[1]).toBeCloseTo(-2, 0);
    expect(Math.abs(components[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 2);
    expect(components[0]![0]! * components[0]![1]!).toBeGreaterThan(0);
    expect(components[1]![0]! * components[1]![1]!).toBeLessThan(0);
    // Orthogonal unit vectors, the first carrying far more variance.
    expect(
      components[0]![0]! * components[1]![0]! + components[0]![1]! * components[1]![1]!,
    ).toBeCloseTo(0, 6);
    expect(variances[0]! / variances[1]!).toBeGreaterThan(50);
  });

  it('pads each axis range by a tenth, and widens a constant one', () => {
    expect(paddedRange([0, 5, 10])).toEqual([-1, 11]);
    expect(paddedRange([2, 2])).toEqual([1, 3]);
  });

  it('holds other columns at their median, and a one-hot group at its most frequent category', () => {
    // Columns: a number, then a 3-category one-hot group (category 2 most frequent).
    const rows = [
      [1, 1, 0, 0],
      [5, 0, 0, 1],
      [3, 0, 0, 1],
      [100, 0, 1, 0],
      [4, 0, 0, 1],
    ];
    const x = Float32Array.from(rows.flat());
    const info: ColumnInfo[] = [
      { label: 'n', center: 0, scale: 1, group: 0 },
      ...[0, 1, 2].map((k) => ({ label: `c=${k}`, center: null, scale: null, group: 1 })),
    ];
    expect(Array.from(heldValues(x, 5, 4, info))).toEqual([4, 0, 0, 1]);
  });

  it('builds a 2-feature grid over the data range, top row at the highest y, others held', () => {
    const x = Float32Array.from([0, 0, 7, 10, 10, 9, 5, 5, 3].slice(0, 9));
    // 3 rows × 3 columns: (0,0,7) (10,10,9) (5,5,3)
    const plane = buildPlane(x, 3, 3, { kind: 'features', x: 0, y: 1 }, cols(3), 4, false);
    expect(plane.rows).toBe(16);
    expect(plane.axes.map((a) => [a.lo, a.hi])).toEqual([
      [-1, 11],
      [-1, 11],
    ]);
    // Top-left cell: lowest x, highest y; the third column at its median 7.
    expect(Array.from(plane.grid.slice(0, 3))).toEqual([0.5, 9.5, 7]);
    // Bottom-right cell.
    expect(Array.from(plane.grid.slice(15 * 3, 16 * 3))).toEqual([9.5, 0.5, 7]);
    const out = new Float64Array(2);
    plane.project(x, 1, out);
    expect(Array.from(out)).toEqual([10, 10]);
  });

  it('refuses a feature the data does not have, naming it', () => {
    expect(() =>
      buildPlane(new Float32Array(4), 2, 2, { kind: 'features', x: 0, y: 5 }, null, 4, false),
    ).toThrow(/column 6/);
  });
});

describe('boundary evaluation', () => {
  const spec: ModelSpec = {
    inputs: 2,
    layers: [
      {
        type: 'dense',
        units: 5,
        useBias: true,
        initializer: 'glorot_uniform',
        activation: 'relu',
        alpha: 0.01,
        l1: null,
        l2: null,
        nodeIds: ['dense_1', 'activation_1'],
      },
      {
        type: 'dense',
        units: 1,
        useBias: true,
        initializer: 'glorot_uniform',
        activation: 'linear',
        alpha: 0.01,
        l1: null,
        l2: null,
        nodeIds: ['dense_2'],
      },
    ],
    loss: 'bce',
    l1: 0,
    l2: 0,
  };
  const rng = new Rng(5);
  const n = 60;
  const x = {
    rows: n,
    cols: 2,
    data: Float32Array.from({ length: n * 2 }, () => rng.uniform(-1, 1)),
  };
  const y = {
    rows: n,
    cols: 1,
    data: Float32Array.from({ length: n }, (_, r) => (x.data[2 * r]! > 0 ? 1 : 0)),
  };
  const watch = {
    plane: { kind: 'features' as const, x: 0, y: 1 },
    nodeId: null,
    columns: cols(2),
    targetStd: 1,
    targetMean: 0,
  };

  it('predicts every cell of the 64 × 64 grid and every point, with the same predictions as the model', () => {
    const trainer = new Trainer(spec, { seed: 3, maxBatch: 16 });
    const ev = new BoundaryEvaluator(
      trainer,
      { train: { x, y }, validation: { x, y }, classNames: ['a', 'b'] },
      watch,
    );
    const f = ev.frame(4, null);
    const cls = Buffer.from(f.cls!, 'base64');
    expect(cls).toHaveLength(64 * 64);
    expect(f.points.x).toHaveLength(2 * n);
    expect(f.points.validation.filter(Boolean)).toHaveLength(n);
    const p = trainer.predict({ rows: n, cols: 2, data: x.data });
    f.points.wrong
      .slice(0, n)
      .forEach((wrong, r) => expect(wrong).toBe((p.data[r]! >= 0.5 ? 1 : 0) !== y.data[r]));
    expect(f.epoch).toBe(4);
    expect(f.neurons).toBeNull();
  });

  it('shows the units of a watched node with their incoming weights and dead share', () => {
    const trainer = new Trainer(spec, { seed: 3, maxBatch: 16 });
    const ev = new BoundaryEvaluator(
      trainer,
      { train: { x, y }, validation: null, classNames: ['a', 'b'] },
      { ...watch, nodeId: 'activation_1' },
    );
    const nr = ev.frame(1, 'activation_1').neurons!;
    expect(nr.shown).toBe(5);
    expect(nr.values).toHaveLength(5);
    expect(Buffer.from(nr.values[0]!, 'base64')).toHaveLength(32 * 32);
    expect(nr.weights[0]).toHaveLength(2);
    expect(nr.fn).toBe('relu');
    expect(nr.deadShare).toBe(nr.dead.filter(Boolean).length / 5);
  });

  it('gives a regression line along one feature in the target units, with the points', () => {
    const reg: ModelSpec = { ...spec, loss: 'mse' };
    const trainer = new Trainer(reg, { seed: 3, maxBatch: 16 });
    const ev = new BoundaryEvaluator(
      trainer,
      { train: { x, y }, validation: null, classNames: null },
      { ...watch, plane: { kind: 'features', x: 1, y: null }, targetStd: 10, targetMean: 100 },
    );
    const f = ev.frame(2, null);
    expect(f.task).toBe('regression');
    expect(f.axes).toHaveLength(1);
    expect(f.values).toHaveLength(64);
    expect(f.cls).toBeNull();
    // Points: x is the chosen feature, y the target in its own units.
    expect(f.points.x[0]).toBeCloseTo(x.data[1]!, 3);
    expect(f.points.y[0]).toBeCloseTo(y.data[0]! * 10 + 100, 3);
  });
});
