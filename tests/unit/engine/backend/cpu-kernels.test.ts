/**
 * The CPU backend's kernel variants (WebAssembly SIMD, relaxed-SIMD FMA, JavaScript): the
 * variant that runs is reported, products that outgrow the scratch memory stay right, every
 * variant repeats itself bit for bit, and the SIMD optimizer updates and sum of squares agree
 * with the JavaScript kernels on lengths that are not a multiple of the vector width.
 */
import { describe, expect, it } from 'vitest';
import { matOf, type Backend, type Mat } from '../../../../engine/backend/backend';
import { CpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { Rng } from '../../../../engine/data/rng';
import { backendCases } from './backends';
import { threadedBackend } from './threaded';

const rnd = (rows: number, cols: number, seed: number): Mat => {
  const r = new Rng(seed);
  return matOf(
    rows,
    cols,
    Float32Array.from({ length: rows * cols }, () => r.uniform(-1, 1)),
  );
};
const cpuCases = (): [string, CpuBackend][] =>
  backendCases().flatMap((c) =>
    c.backend instanceof CpuBackend ? [[c.name, c.backend] as [string, CpuBackend]] : [],
  );
const js = new CpuBackend({ simd: false });

function worst(a: Float32Array, b: Float32Array): number {
  let w = 0;
  for (let i = 0; i < a.length; i++)
    w = Math.max(w, Math.abs(a[i]! - b[i]!) / Math.max(1, Math.abs(b[i]!)));
  return w;
}

function product(be: Backend, a: Mat, b: Mat, tA: boolean, tB: boolean, acc: Mat | null): Mat {
  const M = tA ? a.cols : a.rows;
  const N = tB ? b.rows : b.cols;
  const out = matOf(M, N, acc ? acc.data.slice() : new Float32Array(M * N));
  be.matmul(a, b, out, tA, tB, acc !== null);
  return out;
}

describe('the CPU kernel variants', () => {
  it('name the kernel that runs and fall back in order when one is missing', () => {
    expect(new CpuBackend({ kernel: 'simd' }).name).toBe('cpu-simd');
    expect(new CpuBackend({ kernel: 'js' }).name).toBe('cpu-js');
    expect(new CpuBackend({ simd: false }).kernel).toBe('js');
    const relaxed = new CpuBackend({ kernel: 'relaxed' });
    expect(['relaxed', 'simd']).toContain(relaxed.kernel);
    expect(relaxed.name).toBe(`cpu-${relaxed.kernel}`);
  });
});

describe.each(cpuCases())('%s', (_name, be) => {
  it('computes products larger than the starting scratch memory, in every transpose', () => {
    // 300 × 420 · 420 × 390: about 1.8 MB of operands, beyond the first 1 MiB.
    const a = rnd(300, 420, 1);
    const aT = rnd(420, 300, 2);
    const b = rnd(420, 390, 3);
    const bT = rnd(390, 420, 4);
    for (const [x, tA] of [
      [a, false],
      [aT, true],
    ] as const) {
      for (const [y, tB] of [
        [b, false],
        [bT, true],
      ] as const) {
        const got = product(be, x, y, tA, tB, null);
        expect(worst(got.data, product(js, x, y, tA, tB, null).data)).toBeLessThan(1e-4);
      }
    }
  });

  it('adds to the output when accumulating, with widths that are not a multiple of 8', () => {
    const a = rnd(13, 21, 5);
    const b = rnd(21, 10, 6);
    const c = rnd(13, 10, 7);
    const got = product(be, a, b, false, false, c);
    expect(worst(got.data, product(js, a, b, false, false, c).data)).toBeLessThan(1e-5);
  });

  it('gives bit-identical products and updates when run twice', () => {
    const a = rnd(37, 70, 8);
    const b = rnd(70, 45, 9);
    expect(product(be, rnd(70, 37, 8), b, true, false, null).data).toEqual(
      product(be, rnd(70, 37, 8), b, true, false, null).data,
    );
    const run = (): Float32Array => {
      const p = rnd(1, 1001, 10).data;
      const m = new Float32Array(1001);
      const v = new Float32Array(1001);
      for (let t = 1; t <= 3; t++)
        be.adamUpdate(p, rnd(1, 1001, 20 + t).data, m, v, 0.01, 0.9, 0.999, 1e-8, t);
      return p;
    };
    expect(run()).toEqual(run());
    expect(product(be, a, b, false, false, null).data).toEqual(
      product(be, a, b, false, false, null).data,
    );
  });

  for (const n of [1, 3, 5, 1001]) {
    it(`updates ${n} parameters like the JavaScript kernels (Adam, RMSprop, momentum)`, () => {
      const g = rnd(1, n, 30).data;
      const start = rnd(1, n, 31).data;
      const pair = (
        f: (b: Backend, p: Float32Array, s: Float32Array, s2: Float32Array) => void,
      ) => {
        const out = [be, js].map((b) => {
          const p = start.slice();
          const s = new Float32Array(n).fill(0.5);
          const s2 = new Float32Array(n).fill(0.25);
          f(b, p, s, s2);
          return [p, s, s2];
        });
        for (let i = 0; i < 3; i++) expect(worst(out[0]![i]!, out[1]![i]!)).toBeLessThan(1e-6);
      };
      pair((b, p, m, v) => b.adamUpdate(p, g, m, v, 0.01, 0.9, 0.999, 1e-8, 2));
      pair((b, p, s) => b.rmspropUpdate(p, g, s, 0.01, 0.9, 1e-8));
      pair((b, p, v) => b.momentumUpdate(p, g, v, 0.1, 0.9, false));
      pair((b, p, v) => b.momentumUpdate(p, g, v, 0.1, 0.9, true));
    });
  }

  it('writes weights and optimizer state below 2^-100 as zero and keeps NaN, in every update', () => {
    // A dead unit under L2 decays into subnormal floats, which slow every later product.
    const pattern = [1e-35, -5e-31, 1e-29, NaN, 0.5, -1e-40, 2e-30, 3];
    const want = [0, 0, Math.fround(1e-29), NaN, 0.5, 0, Math.fround(2e-30), 3];
    for (const n of [8, 1001]) {
      for (const resident of [false, true]) {
        const arr = (f: (i: number) => number) => {
          const a = resident ? be.allocLike(new Float32Array(n)) : new Float32Array(n);
          for (let i = 0; i < n; i++) a[i] = f(i);
          return a;
        };
        const fresh = () => ({
          p: arr((i) => pattern[i % 8]!),
          g: arr(() => 0),
          s: arr(() => 1e-36),
          s2: arr(() => -1e-36),
        });
        const check = (p: Float32Array, ...state: Float32Array[]) => {
          for (let i = 0; i < n; i++) {
            const w = want[i % 8]!;
            if (Number.isNaN(w)) expect(p[i]).toBeNaN();
            else expect(Object.is(p[i], w)).toBe(true);
          }
          for (const st of state) expect(st.every((v) => Object.is(v, 0))).toBe(true);
        };
        let a = fresh();
        be.adamUpdate(a.p, a.g, a.s, a.s2, 0.01, 0.9, 0.999, 1e-8, 3);
        check(a.p, a.s, a.s2);
        a = fresh();
        be.rmspropUpdate(a.p, a.g, a.s, 0.01, 0.9, 1e-8);
        check(a.p, a.s);
        for (const nesterov of [false, true]) {
          a = fresh();
          be.momentumUpdate(a.p, a.g, a.s, 0.1, 0.9, nesterov);
          check(a.p, a.s);
        }
        a = fresh();
        be.sgdUpdate(a.p, a.g, 0.1);
        check(a.p);
      }
    }
  });

  for (const cols of [8, 10]) {
    it(`adds the bias, applies ReLU or nothing and the ReLU derivative like JavaScript, ${cols} wide`, () => {
      const z = rnd(5, cols, 70);
      z.data[3] = NaN;
      const bias = rnd(1, cols, 71).data;
      for (const act of ['relu', 'linear'] as const) {
        const got = matOf(5, cols, new Float32Array(5 * cols));
        const want = matOf(5, cols, new Float32Array(5 * cols));
        be.biasActivation(z, bias, act, 0, got);
        js.biasActivation(z, bias, act, 0, want);
        expect(got.data).toEqual(want.data);
        const g = rnd(5, cols, 72);
        const dGot = matOf(5, cols, new Float32Array(5 * cols));
        const dWant = matOf(5, cols, new Float32Array(5 * cols));
        be.activationBackward(want, g, 'relu', 0, dGot);
        js.activationBackward(want, g, 'relu', 0, dWant);
        expect(dGot.data).toEqual(dWant.data);
      }
    });
  }

  it('sums squares of short arrays without counting what a longer one left behind', () => {
    be.sumSquares(new Float32Array(64).fill(7));
    for (const n of [1, 2, 3, 5, 6, 7]) {
      const x = rnd(1, n, 40 + n).data;
      const exact = x.reduce((s, v) => s + v * v, 0);
      expect(be.sumSquares(x)).toBeCloseTo(exact, 12);
    }
  });
});

describe('products split over two threads', () => {
  it('run on the calling thread after the helpers were stopped, instead of waiting for them', () => {
    const two = threadedBackend('simd');
    const one = new CpuBackend({ kernel: 'simd' });
    const a = rnd(130, 77, 60);
    const b = rnd(77, 45, 61);
    two.dispose();
    expect(product(two, a, b, false, false, null).data).toEqual(
      product(one, a, b, false, false, null).data,
    );
  });

  const kernels = cpuCases()
    .map(([, be]) => be.kernel)
    .filter((k) => k !== 'js');
  for (const kernel of [...new Set(kernels)]) {
    it(`give the same bits as one thread (${kernel} kernel, every transpose)`, () => {
      const two = threadedBackend(kernel);
      const one = new CpuBackend({ kernel });
      expect(two.threads).toBe(2);
      const a = rnd(130, 77, 50);
      const aT = rnd(77, 130, 51);
      const b = rnd(77, 45, 52);
      const bT = rnd(45, 77, 53);
      for (const [x, tA] of [
        [a, false],
        [aT, true],
      ] as const) {
        for (const [y, tB] of [
          [b, false],
          [bT, true],
        ] as const) {
          expect(product(two, x, y, tA, tB, null).data).toEqual(
            product(one, x, y, tA, tB, null).data,
          );
        }
      }
      two.dispose();
    });
  }
});
