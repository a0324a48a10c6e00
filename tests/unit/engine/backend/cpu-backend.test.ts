import { describe, expect, it } from 'vitest';
import { matOf, type Mat } from '../../../../engine/backend/backend';
import { CpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { Rng } from '../../../../engine/data/rng';

const cpu = new CpuBackend();
const rnd = (rows: number, cols: number, seed: number): Mat => {
  const r = new Rng(seed);
  return matOf(
    rows,
    cols,
    Float32Array.from({ length: rows * cols }, () => r.uniform(-1, 1)),
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

const kernels = [
  ['the WebAssembly SIMD kernel', new CpuBackend()],
  ['the JavaScript kernel', new CpuBackend({ simd: false })],
] as const;

describe('CpuBackend backends', () => {
  it('uses WebAssembly SIMD where available and plain JavaScript when asked', () => {
    expect(kernels[0][1].name).toBe('cpu-simd');
    expect(kernels[1][1].name).toBe('cpu-js');
  });
});

describe.each(kernels)('CpuBackend.matmul with %s', (_name, cpu) => {
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
          const out = cpu.alloc(M, N);
          cpu.matmul(a, b, out, tA, tB, false);
          const ref = naive(a, b, tA, tB);
          out.data.forEach((v, i) => expect(v).toBeCloseTo(ref[i]!, 4));
        });
      }
    }
  }

  it('accumulates into the output when asked', () => {
    const a = rnd(5, 3, 1);
    const b = rnd(3, 6, 2);
    const out = cpu.alloc(5, 6);
    out.data.fill(1);
    cpu.matmul(a, b, out, false, false, true);
    const ref = naive(a, b, false, false);
    out.data.forEach((v, i) => expect(v).toBeCloseTo(ref[i]! + 1, 5));
  });

  it('rejects shapes that do not fit, quoting them', () => {
    expect(() =>
      cpu.matmul(rnd(2, 3, 1), rnd(4, 2, 1), cpu.alloc(2, 2), false, false, false),
    ).toThrow('(2 × 3) · (4 × 2)');
  });
});

describe('CpuBackend element-wise kernels', () => {
  it('fuses bias add with each activation', () => {
    const z = matOf(1, 4, Float32Array.from([-2, -0.5, 0.5, 2]));
    const b = Float32Array.from([1, 1, 1, 1]);
    const out = cpu.alloc(1, 4);
    const f = {
      linear: (v: number) => v,
      relu: (v: number) => Math.max(0, v),
      leaky_relu: (v: number) => (v > 0 ? v : 0.1 * v),
      sigmoid: (v: number) => 1 / (1 + Math.exp(-v)),
      tanh: Math.tanh,
    };
    for (const [name, fn] of Object.entries(f)) {
      cpu.biasActivation(z, b, name as keyof typeof f, 0.1, out);
      out.data.forEach((v, i) => expect(v).toBeCloseTo(fn(z.data[i]! + 1), 6));
    }
  });

  it('computes a sigmoid of large magnitude without overflow', () => {
    const out = cpu.alloc(1, 2);
    cpu.biasActivation(matOf(1, 2, Float32Array.from([-1000, 1000])), null, 'sigmoid', 0, out);
    expect(Array.from(out.data)).toEqual([0, 1]);
  });

  it('softmax rows sum to 1 even for huge logits', () => {
    const out = cpu.alloc(2, 3);
    cpu.softmaxRows(matOf(2, 3, Float32Array.from([1000, 1001, 1002, -5, 0, 5])), out);
    for (let r = 0; r < 2; r++)
      expect(out.data[r * 3]! + out.data[r * 3 + 1]! + out.data[r * 3 + 2]!).toBeCloseTo(1, 6);
    expect(out.data[2]).toBeCloseTo(Math.exp(2) / (1 + Math.exp(1) + Math.exp(2)), 6);
  });

  it('keeps cross-entropy finite for a confidently wrong huge logit', () => {
    const z = matOf(1, 2, Float32Array.from([1e4, -1e4]));
    const y = matOf(1, 2, Float32Array.from([0, 1]));
    const loss = cpu.softmaxCrossEntropy(z, y, cpu.alloc(1, 2), cpu.alloc(1, 2));
    expect(loss).toBeCloseTo(2e4, 0);
    const bce = cpu.sigmoidBinaryCrossEntropy(
      matOf(1, 1, Float32Array.from([-200])),
      matOf(1, 1, Float32Array.from([1])),
      cpu.alloc(1, 1),
      cpu.alloc(1, 1),
    );
    expect(bce).toBeCloseTo(200, 3);
  });

  it('sums columns for the bias gradient', () => {
    const out = new Float32Array(3);
    cpu.sumColumns(matOf(2, 3, Float32Array.from([1, 2, 3, 4, 5, 6])), out, false);
    expect(Array.from(out)).toEqual([5, 7, 9]);
  });

  it('draws inverted-dropout masks with the requested rate', () => {
    const mask = new Float32Array(10000);
    cpu.dropoutMask(mask, mask.length, 0.25, new Rng(1));
    const dropped = mask.filter((v) => v === 0).length;
    expect(dropped / mask.length).toBeGreaterThan(0.23);
    expect(dropped / mask.length).toBeLessThan(0.27);
    expect(mask.every((v) => v === 0 || Math.abs(v - 1 / 0.75) < 1e-6)).toBe(true);
  });

  it('adds L1 and L2 gradient terms', () => {
    const g = new Float32Array(3);
    const w = Float32Array.from([-2, 0, 3]);
    cpu.addScaledSign(g, w, 0.5);
    expect(Array.from(g)).toEqual([-0.5, 0, 0.5]);
    cpu.addScaled(g, w, 2);
    expect(Array.from(g)).toEqual([-4.5, 0, 6.5]);
    expect(cpu.sumSquares(w)).toBe(13);
    expect(cpu.sumAbs(w)).toBe(5);
  });
});
