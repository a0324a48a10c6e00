import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { matOf } from '../../../../engine/backend/backend';
import { makeLoss } from '../../../../engine/losses/loss';
import { addPenaltyGradients, penalty } from '../../../../engine/losses/regularization';

const m = (rows: number, cols: number, v: number[]) => matOf(rows, cols, Float32Array.from(v));
const buf = (rows: number, cols: number) => cpuBackend.alloc(rows, cols);

describe('losses', () => {
  it('cce of equal logits is log(classes)', () => {
    const l = makeLoss('cce', cpuBackend).compute(
      m(1, 4, [0, 0, 0, 0]),
      m(1, 4, [0, 1, 0, 0]),
      buf(1, 4),
      buf(1, 4),
    );
    expect(l).toBeCloseTo(Math.log(4), 6);
  });
  it('bce of a zero logit is log 2', () => {
    const l = makeLoss('bce', cpuBackend).compute(
      m(2, 1, [0, 0]),
      m(2, 1, [1, 0]),
      buf(2, 1),
      buf(2, 1),
    );
    expect(l).toBeCloseTo(Math.log(2), 6);
  });
  it('mse is the mean of squared differences over all entries', () => {
    const g = buf(2, 2);
    const l = makeLoss('mse', cpuBackend).compute(
      m(2, 2, [1, 2, 3, 4]),
      m(2, 2, [0, 2, 3, 6]),
      buf(2, 2),
      g,
    );
    expect(l).toBeCloseTo((1 + 0 + 0 + 4) / 4, 6);
    expect(Array.from(g.data)).toEqual([0.5, 0, 0, -1]);
  });
  it('predicts probabilities for cce and bce', () => {
    const p = buf(1, 2);
    makeLoss('cce', cpuBackend).predict(m(1, 2, [0, Math.log(3)]), p);
    expect(p.data[1]).toBeCloseTo(0.75, 6);
    const q = buf(1, 1);
    makeLoss('bce', cpuBackend).predict(m(1, 1, [0]), q);
    expect(q.data[0]).toBe(0.5);
  });
  it('rejects an unknown loss name', () => {
    expect(() => makeLoss('hinge' as 'mse', cpuBackend)).toThrow('"hinge"');
  });
});

describe('regularisation', () => {
  const p = () => ({
    name: 'w',
    value: Float32Array.from([-1, 2]),
    grad: new Float32Array(2),
    l1: 0.1,
    l2: 0.01,
  });
  it('penalty is λ1·Σ|w| + λ2·Σw²', () => {
    expect(penalty([p()], cpuBackend)).toBeCloseTo(0.1 * 3 + 0.01 * 5, 7);
  });
  it('adds λ1·sign(w) + 2λ2·w to the gradient', () => {
    const q = p();
    addPenaltyGradients([q], cpuBackend);
    expect(q.grad[0]).toBeCloseTo(-0.1 - 0.02, 6);
    expect(q.grad[1]).toBeCloseTo(0.1 + 0.04, 6);
  });
});
