/**
 * Resident arrays: what the CPU backend allocates lives in its WebAssembly memory, and every
 * kernel gives the same bits on such arrays (worked on where they lie) as on ordinary arrays
 * (copied in and out), on every variant (SIMD, relaxed SIMD, JavaScript, two threads). The heap
 * behind it reuses freed blocks, zeroed.
 */
import { describe, expect, it } from 'vitest';
import { matOf, type Mat } from '../../../../engine/backend/backend';
import { CpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { newScratch } from '../../../../engine/backend/cpu/wasm-asm';
import { Rng } from '../../../../engine/data/rng';
import { backendCases } from './backends';

const cpuCases = (): [string, CpuBackend][] =>
  backendCases().flatMap((c) =>
    c.backend instanceof CpuBackend ? [[c.name, c.backend] as [string, CpuBackend]] : [],
  );

/** The same random values twice: once allocated by the backend, once as an ordinary array. */
function pair(be: CpuBackend, rows: number, cols: number, seed: number): [Mat, Mat] {
  const r = new Rng(seed);
  const plain = matOf(
    rows,
    cols,
    Float32Array.from({ length: rows * cols }, () => r.uniform(-1, 1)),
  );
  const res = be.alloc(rows, cols);
  res.data.set(plain.data);
  return [res, plain];
}

const bits = (x: Float32Array): number[] => Array.from(new Uint32Array(x.slice().buffer));

describe('the heap of the CPU backend’s memory', () => {
  it('hands freed blocks out again, zeroed, and merges neighbours', () => {
    const heap = newScratch()!.heap;
    const a = heap.reserve(1000);
    const b = heap.reserve(1000);
    const c = heap.reserve(1000);
    heap.f32.fill(7, a.off >> 2, (c.off + c.bytes) >> 2);
    heap.release(a);
    heap.release(b);
    // a and b merged: a block of both fits where a was.
    const ab = heap.reserve(2000);
    expect(ab.off).toBe(a.off);
    expect(heap.f32.subarray(ab.off >> 2, (ab.off + 2000) >> 2).every((v) => v === 0)).toBe(true);
    expect(heap.f32[c.off >> 2]).toBe(7);
  });
});

describe.each(cpuCases())('%s', (name, be) => {
  const resident = name !== 'cpu-js';

  it(`allocates arrays ${resident ? 'in' : 'outside'} its WebAssembly memory, zero-filled`, () => {
    const m = be.alloc(3, 5);
    expect(Array.from(m.data)).toEqual(new Array<number>(15).fill(0));
    expect(m.data.buffer instanceof SharedArrayBuffer).toBe(resident);
    expect(be.allocLike(m.data).buffer instanceof SharedArrayBuffer).toBe(resident);
  });

  it('multiplies allocated matrices in every transpose with the bits of ordinary ones', () => {
    // 64 × 784 · 784 × 256 is W-big's first layer at half a batch (above the threads' threshold).
    for (const [M, K, N] of [
      [64, 784, 256],
      [13, 7, 10],
      [32, 64, 16],
    ] as const) {
      for (const [tA, tB] of [
        [false, false],
        [true, false],
        [false, true],
      ] as const) {
        const [a, a0] = pair(be, tA ? K : M, tA ? M : K, 1);
        const [b, b0] = pair(be, tB ? N : K, tB ? K : N, 2);
        const out = be.alloc(M, N);
        const out0 = matOf(M, N, new Float32Array(M * N));
        be.matmul(a, b, out, tA, tB, false);
        be.matmul(a0, b0, out0, tA, tB, false);
        expect(bits(out.data)).toEqual(bits(out0.data));
        be.matmul(a, b, out, tA, tB, true);
        be.matmul(a0, b0, out0, tA, tB, true);
        expect(bits(out.data)).toEqual(bits(out0.data));
      }
    }
  });

  it('runs the dense layer’s element-wise kernels in place with the bits of copies', () => {
    const [z, z0] = pair(be, 12, 16, 3);
    const [bias, bias0] = pair(be, 1, 16, 4);
    const y = be.alloc(12, 16);
    const y0 = matOf(12, 16, new Float32Array(192));
    be.biasActivation(z, bias.data, 'relu', 0, y);
    be.biasActivation(z0, bias0.data, 'relu', 0, y0);
    expect(bits(y.data)).toEqual(bits(y0.data));
    be.denseForward(
      z,
      pair(be, 16, 8, 5)[0],
      bias.data.subarray(0, 8),
      'linear',
      0,
      be.alloc(12, 8),
    );
    const [g, g0] = pair(be, 12, 16, 6);
    const d = be.alloc(12, 16);
    const d0 = matOf(12, 16, new Float32Array(192));
    be.activationBackward(y, g, 'relu', 0, d);
    be.activationBackward(y0, g0, 'relu', 0, d0);
    expect(bits(d.data)).toEqual(bits(d0.data));
    for (const acc of [false, true]) {
      be.sumColumns(d, bias.data, acc);
      be.sumColumns(d0, bias0.data, acc);
      expect(bits(bias.data)).toEqual(bits(bias0.data));
    }
    expect(be.sumSquares(d.data)).toBe(be.sumSquares(d0.data));
  });

  it('updates allocated parameters and optimizer state with the bits of ordinary arrays', () => {
    for (const n of [256, 10]) {
      const [p, p0] = pair(be, 1, n, 7);
      const [g, g0] = pair(be, 1, n, 8);
      const m = be.allocLike(p.data);
      const v = be.allocLike(p.data);
      const m0 = new Float32Array(n);
      const v0 = new Float32Array(n);
      for (let t = 1; t <= 3; t++) {
        be.adamUpdate(p.data, g.data, m, v, 1e-2, 0.9, 0.999, 1e-8, t);
        be.adamUpdate(p0.data, g0.data, m0, v0, 1e-2, 0.9, 0.999, 1e-8, t);
        be.rmspropUpdate(p.data, g.data, v, 1e-2, 0.9, 1e-8);
        be.rmspropUpdate(p0.data, g0.data, v0, 1e-2, 0.9, 1e-8);
        be.momentumUpdate(p.data, g.data, m, 1e-2, 0.9, t === 2);
        be.momentumUpdate(p0.data, g0.data, m0, 1e-2, 0.9, t === 2);
      }
      expect(bits(p.data)).toEqual(bits(p0.data));
      expect(bits(m)).toEqual(bits(m0));
      expect(bits(v)).toEqual(bits(v0));
    }
  });
});
