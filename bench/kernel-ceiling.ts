/**
 * `--kernels`: how close W-big's inference products are to what a core can do. Prints one JSON
 * line with
 * - fma_peak_gflops: f32x4.relaxed_madd on registers only (12 independent chains, nothing
 *   loaded): the 128-bit FMA peak of one core, 16 FLOP per cycle × its clock; fma_8_chains_gflops
 *   the same with the 8 chains a 4 × 8 tile keeps in flight (the FMA latency bound);
 * - per forward shape of W-big at batch 1000 (1000×784·784×256, 1000×256·256×128,
 *   1000×128·128×10): the product kernel alone on one thread by process CPU time, on a row-major
 *   B (what training uses), on B packed in panels, and on packed B with A's rows a fixed stride
 *   apart (what a held prediction uses);
 * - the three dense layers' forward pass on held weights (packed product + bias + ReLU) by wall
 *   clock and CPU time, on the backend given (1 or 2 threads): the scaling over threads.
 * GFLOP = 2·M·N·K / 1e9. Without relaxed SIMD (Node without --experimental-wasm-relaxed-simd)
 * the peak and kernels are those of plain SIMD multiply + add.
 */
import type { Mat } from '../engine/backend/backend';
import type { CpuBackend } from '../engine/backend/cpu/cpu-backend';
import {
  F32X4_ADD,
  F32X4_MUL,
  F32X4_RELAXED_MADD,
  LOOP,
  END,
  SUB,
  T_I32,
  T_V128,
  brIf,
  f32x4Const,
  get,
  i32,
  instantiate,
  newScratch,
  set,
  tee,
  v128Store,
  v128Zero,
  type WasmFunction,
} from '../engine/backend/cpu/wasm-asm';
import { gemmFunction, type GemmKernel } from '../engine/backend/cpu/wasm-gemm';
import {
  gemmPanelFunction,
  packedFloats,
  packPanels,
  PANEL_STRIDES,
} from '../engine/backend/cpu/wasm-gemm-panel';

type Fn = (...args: number[]) => void;
const SHAPES: [number, number, number][] = [
  [1000, 784, 256],
  [1000, 256, 128],
  [1000, 128, 10],
];

const cpuS = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const wallS = (): number => Number(process.hrtime.bigint()) / 1e9;

/** peakC(n): n rounds of 4 × C independent multiply-adds on registers, results stored. */
// prettier-ignore
function peakFunction(kernel: GemmKernel, CHAINS: number): WasmFunction {
  const code: number[] = [...f32x4Const(1.0000001), ...set(CHAINS + 1), ...f32x4Const(0.999), ...set(CHAINS + 2)];
  for (let i = 0; i < CHAINS; i++) code.push(...v128Zero, ...set(1 + i));
  code.push(...LOOP);
  for (let u = 0; u < 4; u++) {
    for (let i = 0; i < CHAINS; i++) {
      if (kernel === 'relaxed') code.push(...get(CHAINS + 1), ...get(CHAINS + 2), ...get(1 + i), ...F32X4_RELAXED_MADD, ...set(1 + i));
      else code.push(...get(1 + i), ...get(CHAINS + 1), ...get(CHAINS + 2), ...F32X4_MUL, ...F32X4_ADD, ...set(1 + i));
    }
  }
  code.push(...get(0), ...i32(1), SUB, ...tee(0), ...brIf(0), END);
  for (let i = 0; i < CHAINS; i++) code.push(...i32(i * 16), ...get(1 + i), ...v128Store(0));
  return { name: `peak${CHAINS}`, params: [T_I32], results: [], locals: [[CHAINS + 2, T_V128]], code };
}

/** Best GFLOP/s of `f` (flop per call) by process CPU time over 5 runs of about 0.2 s. */
function rate(f: () => void, flop: number): number {
  for (let i = 0; i < 3; i++) f();
  let best = 0;
  for (let t = 0; t < 5; t++) {
    const c0 = cpuS();
    let n = 0;
    while (cpuS() - c0 < 0.2) {
      f();
      n++;
    }
    best = Math.max(best, (flop * n) / (cpuS() - c0) / 1e9);
  }
  return best;
}

const round = (x: number): number => Math.round(x * 10) / 10;

function fill(m: Float32Array, seed: number): void {
  for (let i = 0; i < m.length; i++) m[i] = (((i + seed) * 7919) % 1000) / 1000 - 0.5;
}

/** The kernels alone, on one thread (their own memory, no helpers). */
function kernelsAlone(kernel: GemmKernel): Record<string, number> {
  // The control words of the peak function's stores sit at the bottom of this memory.
  const s = newScratch(64)!;
  const ex = instantiate(s, [
    peakFunction(kernel, 12),
    peakFunction(kernel, 8),
    gemmFunction(kernel),
    gemmPanelFunction(kernel),
    ...PANEL_STRIDES.map((stride) => gemmPanelFunction(kernel, stride)),
  ]);
  if (ex === null) throw new Error(`the ${kernel} kernels do not validate here`);
  const out: Record<string, number> = {};
  const peak12 = ex.peak12 as Fn;
  const peak8 = ex.peak8 as Fn;
  out.fma_peak_gflops = round(rate(() => peak12(1 << 20), (1 << 20) * 4 * 12 * 8));
  out.fma_8_chains_gflops = round(rate(() => peak8(1 << 20), (1 << 20) * 4 * 8 * 8));
  for (const [M, K, N] of SHAPES) {
    const N8 = (N + 7) & ~7;
    const a = s.heap.alloc(M * K + 8);
    const b = s.heap.alloc(K * N8 + 8);
    const p = s.heap.alloc(packedFloats(K, N));
    const c = s.heap.alloc(M * N8);
    fill(a, 1);
    fill(b, 2);
    packPanels(K, N8, b, N8, 1, null, p, 0);
    const flop = 2 * M * N * K;
    const g = ex.gemm as Fn;
    const gp = ex.gemmPanel as Fn;
    const ab = [M, N8, K, a.byteOffset, K * 4, 4, b.byteOffset, N8 * 4, c.byteOffset, N8 * 4];
    const ap = [M, N8, K, a.byteOffset, K * 4, p.byteOffset, c.byteOffset, N8 * 4, 0, 0];
    out[`${M}x${K}x${N} row-major`] = round(rate(() => g(...ab), flop));
    out[`${M}x${K}x${N} packed`] = round(rate(() => gp(...ap), flop));
    // The fixed-stride kernel a held prediction uses: rows at the next stride up.
    const stride = PANEL_STRIDES.find((st) => st >= K * 4)!;
    const as = s.heap.alloc((M * stride) / 4 + 8);
    for (let i = 0; i < M; i++) as.set(a.subarray(i * K, i * K + K), (i * stride) / 4);
    const gs = ex[`gemmPanel${stride}`] as Fn;
    const st = [M, N8, K, as.byteOffset, stride, p.byteOffset, c.byteOffset, N8 * 4, 0, 0];
    out[`${M}x${K}x${N} packed, rows ${stride} bytes apart`] = round(rate(() => gs(...st), flop));
  }
  return out;
}

/** W-big's three dense layers on held weights, chunk after chunk, on `backend`. */
function heldForward(backend: CpuBackend): Record<string, number> {
  const M = SHAPES[0]![0];
  const x = backend.alloc(M, 784);
  fill(x.data, 3);
  const layers = SHAPES.map(([, K, N], i) => {
    const w = backend.alloc(K, N);
    fill(w.data, 10 + i);
    for (let j = 0; j < w.data.length; j++) w.data[j] = w.data[j]! * 0.05;
    return { w, b: backend.alloc(1, N).data, out: backend.alloc(M, N) as Mat };
  });
  const flop = 2 * M * SHAPES.reduce((t, [, K, N]) => t + K * N, 0);
  const forward = () => {
    let h = x;
    for (const [i, l] of layers.entries()) {
      backend.denseForward(h, l.w, l.b, i < 2 ? 'relu' : 'linear', 0, l.out);
      h = l.out;
    }
  };
  backend.holdWeights(true);
  for (let i = 0; i < 5; i++) forward();
  const n = 40;
  const w0 = wallS();
  const c0 = cpuS();
  for (let i = 0; i < n; i++) forward();
  const wall = wallS() - w0;
  const cpu = cpuS() - c0;
  backend.holdWeights(false);
  return {
    threads: backend.threads,
    held_forward_gflops_wall: round((flop * n) / wall / 1e9),
    held_forward_gflops_cpu: round((flop * n) / cpu / 1e9),
    held_forward_samples_per_s: Math.round((M * n) / wall),
  };
}

export function kernelCeiling(backend: CpuBackend): Record<string, number | string> {
  const kernel = backend.kernel === 'js' ? null : backend.kernel;
  if (kernel === null) throw new Error('--kernels needs the WebAssembly SIMD kernels');
  return { kernel, ...kernelsAlone(kernel), ...heldForward(backend) };
}
