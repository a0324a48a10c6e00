/**
 * Every Backend kernel, on every backend of backends.ts (CPU SIMD, CPU JavaScript, gpu.js), against
 * naive float64 references or the CPU backend; tolerances per op are stated in backends.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  matOf,
  type ActivationKind,
  type Backend,
  type Mat,
} from '../../../../engine/backend/backend';
import { CpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { Rng } from '../../../../engine/data/rng';
import { backendCases, runnable, TOL } from './backends';

const rnd = (rows: number, cols: number, seed: number, scale = 1): Mat => {
  const r = new Rng(seed);
  return matOf(
    rows,
    cols,
    Float32Array.from({ length: rows * cols }, () => r.uniform(-scale, scale)),
  );
};
const at = (m: Mat, r: number, c: number, t: boolean): number =>
  t ? m.data[c * m.cols + r]! : m.data[r * m.cols + c]!;

function naive(a: Mat, b: Mat, tA: boolean, tB: boolean): Float64Array {
  const M = tA ? a.cols : a.rows;
  const K = tA ? a.rows : a.cols;
  const N = tB ? b.rows : b.cols;
  const out = new Float64Array(M * N);
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++)
      for (let k = 0; k < K; k++) out[i * N + j]! += at(a, i, k, tA) * at(b, k, j, tB);
  return out;
}

const F: Record<ActivationKind, (v: number) => number> = {
  linear: (v) => v,
  relu: (v) => Math.max(0, v),
  leaky_relu: (v) => (v > 0 ? v : 0.1 * v),
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  tanh: Math.tanh,
};
const ACTS = Object.keys(F) as ActivationKind[];

/** |actual − expected| ≤ tol · max(1, |expected|) for every element. */
function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) {
    const e = expected[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - e) / Math.max(1, Math.abs(e)));
  }
  expect(worst).toBeLessThanOrEqual(tol);
}

const reference = new CpuBackend({ simd: false });

describe('the backend list', () => {
  it('has the CPU backend with WebAssembly SIMD, with plain JavaScript, and gpu.js (or says why not)', () => {
    const [simd, js, gpu] = backendCases();
    expect(simd!.backend!.name).toBe('cpu-simd');
    expect(js!.backend!.name).toBe('cpu-js');
    if (gpu!.backend) expect(gpu!.backend.name).toMatch(/^gpu\.js (HeadlessGL|WebGL2?)Kernel$/);
    else expect(gpu!.skip).toMatch(/^no GL context/);
  });
});

describe.each(runnable())('matmul on %s', (_name, be) => {
  for (const [M, K, N] of [
    [1, 1, 1],
    [4, 4, 4],
    [5, 7, 6],
    [9, 3, 11],
    [16, 33, 10],
    [37, 70, 45],
  ] as const) {
    for (const tA of [false, true]) {
      for (const tB of [false, true]) {
        it(`multiplies ${M}×${K} by ${K}×${N} (transA ${tA}, transB ${tB}) like the naive product`, () => {
          const a = tA ? rnd(K, M, 1) : rnd(M, K, 1);
          const b = tB ? rnd(N, K, 2) : rnd(K, N, 2);
          const out = matOf(M, N, new Float32Array(M * N));
          be.matmul(a, b, out, tA, tB, false);
          expectClose(out.data, naive(a, b, tA, tB), TOL.product);
        });
      }
    }
  }

  it('accumulates into the output when asked', () => {
    const a = rnd(5, 3, 1);
    const b = rnd(3, 6, 2);
    const out = matOf(5, 6, new Float32Array(30).fill(1));
    be.matmul(a, b, out, false, false, true);
    expectClose(
      out.data,
      naive(a, b, false, false).map((v) => v + 1),
      TOL.product,
    );
  });

  it('rejects shapes that do not fit, quoting them', () => {
    expect(() =>
      be.matmul(rnd(2, 3, 1), rnd(4, 2, 1), be.alloc(2, 2), false, false, false),
    ).toThrow('(2 × 3) · (4 × 2)');
  });

  it('multiplies with a loop longer than gpu.js loopMaxIterations (K = 1500)', () => {
    const a = rnd(2, 1500, 3);
    const b = rnd(1500, 3, 4);
    const out = matOf(2, 3, new Float32Array(6));
    be.matmul(a, b, out, false, false, false);
    expectClose(out.data, naive(a, b, false, false), 1e-3);
  });

  for (const act of ACTS) {
    it(`fuses bias and ${act} into the Dense product`, () => {
      const x = rnd(6, 5, 5);
      const w = rnd(5, 4, 6);
      const b = Float32Array.from([0.5, -0.5, 0.25, 0]);
      const out = matOf(6, 4, new Float32Array(24));
      be.denseForward(x, w, b, act, 0.1, out);
      const ref = naive(x, w, false, false).map((v, i) => F[act](v + b[i % 4]!));
      expectClose(out.data, ref, TOL.product);
    });
  }
});

describe.each(runnable())('element-wise kernels on %s', (_name, be) => {
  it('fuses bias add with each activation', () => {
    const z = matOf(1, 4, Float32Array.from([-2, -0.5, 0.5, 2]));
    const b = Float32Array.from([1, 1, 1, 1]);
    const out = matOf(1, 4, new Float32Array(4));
    for (const act of ACTS) {
      be.biasActivation(z, b, act, 0.1, out);
      expectClose(
        out.data,
        Array.from(z.data, (v) => F[act](v + 1)),
        TOL.transcendental,
      );
    }
  });

  it('computes sigmoid and tanh of large magnitude without overflow', () => {
    const z = matOf(1, 2, Float32Array.from([-1000, 1000]));
    const out = matOf(1, 2, new Float32Array(2));
    be.biasActivation(z, null, 'sigmoid', 0, out);
    expect(Array.from(out.data)).toEqual([0, 1]);
    be.biasActivation(z, null, 'tanh', 0, out);
    expect(Array.from(out.data)).toEqual([-1, 1]);
  });

  it('differentiates each activation through its output', () => {
    const z = rnd(3, 5, 7, 2);
    const g = rnd(3, 5, 8);
    const y = matOf(3, 5, new Float32Array(15));
    const d = matOf(3, 5, new Float32Array(15));
    const dRef = matOf(3, 5, new Float32Array(15));
    for (const act of ACTS) {
      reference.biasActivation(z, null, act, 0.1, y);
      be.activationBackward(y, g, act, 0.1, d);
      reference.activationBackward(y, g, act, 0.1, dRef);
      expectClose(d.data, dRef.data, TOL.elementwise);
    }
  });

  it('softmax rows sum to 1 even for huge logits', () => {
    const out = matOf(2, 3, new Float32Array(6));
    be.softmaxRows(matOf(2, 3, Float32Array.from([1000, 1001, 1002, -5, 0, 5])), out);
    for (let r = 0; r < 2; r++)
      expect(out.data[r * 3]! + out.data[r * 3 + 1]! + out.data[r * 3 + 2]!).toBeCloseTo(1, 6);
    expect(out.data[2]).toBeCloseTo(Math.exp(2) / (1 + Math.exp(1) + Math.exp(2)), 6);
  });

  it('keeps cross-entropy finite for a confidently wrong huge logit', () => {
    const z = matOf(1, 2, Float32Array.from([1e4, -1e4]));
    const y = matOf(1, 2, Float32Array.from([0, 1]));
    const loss = be.softmaxCrossEntropy(z, y, be.alloc(1, 2), be.alloc(1, 2));
    expect(loss).toBeCloseTo(2e4, 0);
    const bce = be.sigmoidBinaryCrossEntropy(
      matOf(1, 1, Float32Array.from([-200])),
      matOf(1, 1, Float32Array.from([1])),
      be.alloc(1, 1),
      be.alloc(1, 1),
    );
    expect(bce).toBeCloseTo(200, 3);
  });

  it('sums columns for the bias gradient, and accumulates when asked', () => {
    const out = new Float32Array(3);
    be.sumColumns(matOf(2, 3, Float32Array.from([1, 2, 3, 4, 5, 6])), out, false);
    expect(Array.from(out)).toEqual([5, 7, 9]);
    be.sumColumns(matOf(1, 3, Float32Array.from([1, 1, 1])), out, true);
    expect(Array.from(out)).toEqual([6, 8, 10]);
  });

  it('draws the CPU backend’s inverted-dropout masks for the same seed', () => {
    const mask = new Float32Array(10000);
    be.dropoutMask(mask, mask.length, 0.25, new Rng(1));
    const dropped = mask.filter((v) => v === 0).length;
    expect(dropped / mask.length).toBeGreaterThan(0.23);
    expect(dropped / mask.length).toBeLessThan(0.27);
    expect(mask.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
    const ref = new Float32Array(10000);
    reference.dropoutMask(ref, ref.length, 0.25, new Rng(1));
    expect(mask).toEqual(ref);
  });

  it('multiplies element-wise over the first n values', () => {
    const out = Float32Array.from([9, 9, 9, 9]);
    be.multiply(Float32Array.from([1, 2, 3, 4]), Float32Array.from([2, 0, -1, 5]), out, 3);
    expect(Array.from(out)).toEqual([2, 0, -3, 9]);
  });

  it('adds L1 and L2 gradient terms and sums squares and absolute values', () => {
    const g = new Float32Array(3);
    const w = Float32Array.from([-2, 0, 3]);
    be.addScaledSign(g, w, 0.5);
    expect(Array.from(g)).toEqual([-0.5, 0, 0.5]);
    be.addScaled(g, w, 2);
    expect(Array.from(g)).toEqual([-4.5, 0, 6.5]);
    be.scale(g, 2);
    expect(Array.from(g)).toEqual([-9, 0, 13]);
    expect(be.sumSquares(w)).toBe(13);
    expect(be.sumAbs(w)).toBe(5);
    const big = rnd(70, 33, 9);
    expect(be.sumSquares(big.data) / reference.sumSquares(big.data)).toBeCloseTo(1, 5);
  });
});

describe.each(runnable())('losses on %s match the CPU backend', (_name, be) => {
  const z = rnd(7, 4, 11, 3);
  const cls = matOf(
    7,
    4,
    Float32Array.from({ length: 28 }, (_, i) => (i % 4 === (i >> 2) % 4 ? 1 : 0)),
  );
  const bin = matOf(
    7,
    4,
    Float32Array.from({ length: 28 }, (_, i) => (i % 3 === 0 ? 1 : 0)),
  );
  const cases = [
    ['softmax + cross-entropy', 'softmaxCrossEntropy', cls],
    ['sigmoid + binary cross-entropy', 'sigmoidBinaryCrossEntropy', bin],
  ] as const;
  for (const [what, op, y] of cases) {
    it(`${what}: loss, probabilities and gradient`, () => {
      const [p, g, pr, gr] = [0, 1, 2, 3].map(() => matOf(7, 4, new Float32Array(28))) as [
        Mat,
        Mat,
        Mat,
        Mat,
      ];
      const loss = be[op](z, y, p, g);
      const ref = reference[op](z, y, pr, gr);
      expect(loss / ref).toBeCloseTo(1, 5);
      expectClose(p.data, pr.data, TOL.transcendental);
      expectClose(g.data, gr.data, TOL.transcendental);
    });
  }
  it('mean squared error: loss and gradient', () => {
    const y = rnd(7, 4, 12);
    const g = matOf(7, 4, new Float32Array(28));
    const gr = matOf(7, 4, new Float32Array(28));
    expect(be.meanSquaredError(z, y, g) / reference.meanSquaredError(z, y, gr)).toBeCloseTo(1, 5);
    expectClose(g.data, gr.data, TOL.elementwise);
  });
});

describe.each(runnable())('optimizer updates on %s match the CPU backend', (_name, be) => {
  type Step = (b: Backend, p: Float32Array, g: Float32Array, s: Float32Array[], t: number) => void;
  const updates: [string, number, Step][] = [
    ['SGD', 0, (b, p, g, _s) => b.sgdUpdate(p, g, 0.1)],
    ['momentum', 1, (b, p, g, s) => b.momentumUpdate(p, g, s[0]!, 0.1, 0.9, false)],
    ['Nesterov momentum', 1, (b, p, g, s) => b.momentumUpdate(p, g, s[0]!, 0.1, 0.9, true)],
    ['RMSprop', 1, (b, p, g, s) => b.rmspropUpdate(p, g, s[0]!, 0.01, 0.9, 1e-8)],
    ['Adam', 2, (b, p, g, s, t) => b.adamUpdate(p, g, s[0]!, s[1]!, 0.01, 0.9, 0.999, 1e-8, t)],
  ];
  for (const [name, states, step] of updates) {
    it(`${name}: three steps on allocated buffers`, () => {
      const run = (b: Backend): Float32Array => {
        const p = b.alloc(6, 5);
        p.data.set(rnd(6, 5, 13).data);
        b.upload(p.data);
        const g = b.allocLike(p.data);
        const s = Array.from({ length: states }, () => b.allocLike(p.data));
        for (let t = 1; t <= 3; t++) {
          g.set(rnd(6, 5, 20 + t).data);
          b.upload(g);
          step(b, p.data, g, s, t);
        }
        b.download(p.data);
        return p.data;
      };
      expectClose(run(be), run(reference), 1e-5);
    });
  }
});

describe.each(runnable())('buffer residency on %s', (_name, be) => {
  it('keeps allocated buffers between kernels and reads them back on download', () => {
    const x = be.alloc(4, 3);
    x.data.set(rnd(4, 3, 30).data);
    be.upload(x.data);
    const w = be.alloc(3, 2);
    w.data.set(rnd(3, 2, 31).data);
    be.upload(w.data);
    const h = be.alloc(4, 2);
    be.denseForward(x, w, null, 'tanh', 0, h);
    be.biasActivation(h, null, 'relu', 0, h);
    be.download(h.data);
    const ref = naive(x, w, false, false).map((v) => Math.max(0, Math.tanh(v)));
    expectClose(h.data, ref, TOL.product);
  });

  it('sees the host’s writes after upload, also through a row view', () => {
    const x = be.alloc(4, 2);
    const out = be.alloc(4, 2);
    x.data.fill(1);
    be.upload(x.data);
    be.biasActivation(x, null, 'linear', 0, out);
    const view = { rows: 2, cols: 2, data: x.data.subarray(0, 4) };
    view.data.fill(3);
    be.upload(view.data);
    const outView = { rows: 2, cols: 2, data: out.data.subarray(0, 4) };
    be.biasActivation(view, null, 'linear', 0, outView);
    be.download(out.data);
    expect(Array.from(out.data)).toEqual([3, 3, 3, 3, 1, 1, 1, 1]);
  });
});
