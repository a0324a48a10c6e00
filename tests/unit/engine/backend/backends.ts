/**
 * The backends every op and gradient test runs on: the CPU backend's matrix products (WebAssembly
 * SIMD, relaxed-SIMD FMA where the runtime has it, plain JavaScript) and
 * the gpu.js backend through a GL context. Without one (no X display: run under
 * `xvfb-run`, see `npm run test:gpu`) the gpu entry is skipped and says so; with
 * LAYERLAB_REQUIRE_GPU=1 a missing GL context fails instead.
 *
 * Parity tolerances (absolute, on values of order 1), float32 on both sides:
 * - matmul, denseForward (K ≤ 70): 1e-4 — float32 accumulation order differs (SIMD vs shader)
 * - element-wise ops, activations and their derivatives, updates: 1e-6 relative
 * - exp/log ops (sigmoid, tanh, softmax, cross-entropies): 2e-6 — GLSL exp/log vs Math's
 * - reductions returned as numbers (sums, losses): 1e-5 relative — summed in float64 on the
 *   host from float32 partial (per-row) sums
 * - gradients vs the float64 finite-difference reference: 1e-3 relative (as on the CPU)
 */
import { setFlagsFromString } from 'node:v8';
import type { Backend } from '../../../../engine/backend/backend';
import { CpuBackend } from '../../../../engine/backend/cpu/cpu-backend';
import { GpuBackend } from '../../../../engine/backend/gpu/gpu-backend';
import { threadedBackend } from './threaded';

export interface BackendCase {
  name: string;
  backend: Backend | null;
  /** Why it is skipped (null: it runs). */
  skip: string | null;
}

export const TOL = { product: 1e-4, elementwise: 1e-6, transcendental: 2e-6, sum: 1e-5 };

function gpuCase(): BackendCase {
  let reason: string;
  try {
    const gpu = new GpuBackend();
    if (gpu.info.gl)
      return { name: `gpu.js ${gpu.info.kernel} (${gpu.info.renderer})`, backend: gpu, skip: null };
    gpu.dispose();
    reason = `no GL context (gpu.js would run ${gpu.info.kernel}); run under xvfb-run`;
  } catch (e) {
    reason = `no GL context (${(e as Error).message}); run under xvfb-run`;
  }
  if (process.env.LAYERLAB_REQUIRE_GPU === '1')
    throw new Error(`gpu.js backend required (LAYERLAB_REQUIRE_GPU=1) but ${reason}`);
  console.warn(`gpu.js backend SKIPPED: ${reason}`);
  return { name: 'gpu.js', backend: null, skip: reason };
}

/**
 * The relaxed-SIMD kernel. Node 20 validates relaxed SIMD only behind a V8 flag (Electron's V8
 * ships it), so the flag is set before the first module is compiled.
 */
function relaxedCase(): BackendCase {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  const be = new CpuBackend({ kernel: 'relaxed' });
  if (be.kernel === 'relaxed') return { name: 'cpu-relaxed', backend: be, skip: null };
  const reason = `this runtime has no relaxed SIMD (it would run ${be.kernel})`;
  console.warn(`cpu-relaxed SKIPPED: ${reason}`);
  return { name: 'cpu-relaxed', backend: null, skip: reason };
}

let cached: BackendCase[] | null = null;

/** CPU (SIMD), CPU (JavaScript), gpu.js, CPU (relaxed SIMD), CPU (SIMD, 2 threads); once per file. */
export function backendCases(): BackendCase[] {
  cached ??= [
    { name: 'cpu-simd', backend: new CpuBackend({ kernel: 'simd' }), skip: null },
    { name: 'cpu-js', backend: new CpuBackend({ simd: false }), skip: null },
    gpuCase(),
    relaxedCase(),
    // Every product split over two threads, however small.
    { name: 'cpu-simd-2-threads', backend: threadedBackend('simd'), skip: null },
  ];
  return cached;
}

/** The cases as [name, backend] pairs for describe.each, skipped ones left out. */
export function runnable(): [string, Backend][] {
  return backendCases().flatMap((c) =>
    c.backend ? [[c.name, c.backend] as [string, Backend]] : [],
  );
}

/** The gpu.js backend, or null (already reported) when no GL context can be made. */
export function gpuBackend(): GpuBackend | null {
  const b = backendCases()[2]!.backend;
  return b instanceof GpuBackend ? b : null;
}
