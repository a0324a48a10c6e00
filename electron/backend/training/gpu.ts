/**
 * The gpu.js backend for the engine's backend choice (engine/train/backend-choice.ts), made in
 * the calling thread: gpu.js (and its native headless-gl, `gl`) are loaded on first use only,
 * so a CPU-only run never touches them.
 *
 * headless-gl is not a context-aware addon: it loads in one thread per process only (a second
 * worker thread, or the main thread after a worker, gets "Module did not self-register"). So
 * the training service keeps one long-lived worker thread and never loads gl in the main
 * thread; the CLI and the benchmark load it in their own process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Backend } from '../../../engine/backend/backend';
import { cpuBackend } from '../../../engine/backend/cpu/cpu-backend';
import { threadedCpuBackend } from './thread-pool';
import {
  chooseBackend,
  type BackendChoice,
  type ChoiceRequest,
  type GpuOption,
} from '../../../engine/train/backend-choice';
import type { GpuBackend } from '../../../engine/backend/gpu/gpu-backend';

/**
 * The GL driver libraries mapped into this process (Linux), e.g. "Mesa swrast_dri (llvmpipe,
 * software)": WebGL behind ANGLE reports only "ANGLE", which does not say whether a GPU or a
 * software rasteriser draws.
 */
export function glDriver(): string | null {
  let maps: string;
  try {
    maps = readFileSync('/proc/self/maps', 'utf8');
  } catch {
    return null;
  }
  const libs = new Set<string>();
  for (const line of maps.split('\n')) {
    const file = line.split('/').pop() ?? '';
    const dri = /^(\w+)_dri\.so/.exec(file);
    if (dri) libs.add(`Mesa ${dri[1]}_dri`);
    if (/^libGLX_nvidia|^libnvidia-glcore/.test(file)) libs.add('NVIDIA');
  }
  if (libs.size === 0) return null;
  const soft = [...libs].some((l) => /swrast|kms_swrast|llvmpipe|softpipe/.test(l));
  return `${[...libs].join(', ')}${soft ? ' (llvmpipe, software rendering)' : ''}`;
}

/** Why headless-gl cannot be loaded in this thread, or null when it loads. */
function glLoadError(): string | null {
  try {
    createRequire(__filename)('gl');
    return null;
  } catch (e) {
    return (e as Error).message.split('\n')[0] ?? 'unknown error';
  }
}

/** Loads gpu.js and returns the factory the backend choice calls (or why it cannot load). */
export async function gpuFactory(): Promise<() => GpuOption | string> {
  let Gpu: typeof GpuBackend;
  try {
    Gpu = (await import('../../../engine/backend/gpu/gpu-backend')).GpuBackend;
  } catch (e) {
    const why = `gpu.js could not be loaded: ${(e as Error).message}`;
    return () => why;
  }
  return () => {
    try {
      const backend = new Gpu();
      const { kernel, gl, renderer } = backend.info;
      // gpu.js swallows a failed load of headless-gl and falls back: say why it failed.
      const loadError = gl ? null : glLoadError();
      if (loadError) {
        backend.dispose();
        return `no GL context: headless-gl (gl) did not load in this thread: ${loadError}`;
      }
      const driver = gl ? glDriver() : null;
      return { backend, kernel, gl, renderer: driver ? `${renderer} on ${driver}` : renderer };
    } catch (e) {
      return `no GL context (${(e as Error).message})`;
    }
  };
}

/**
 * The backend for a training run in this thread: the CPU, or gpu.js where it has a GL context
 * (loaded only when asked for), timed on the actual model and batch for `auto`. `helpers: false`
 * keeps the CPU backend on this thread alone: a sweep already runs one variant per core, and a
 * helper thread per variant would only add threads (and their memory) that wait for a core.
 */
export async function chooseTrainingBackend(
  req: Omit<ChoiceRequest, 'cpu' | 'gpu' | 'now'>,
  helpers = true,
): Promise<BackendChoice> {
  const cpu: Backend = helpers ? threadedCpuBackend() : cpuBackend;
  return chooseBackend({
    ...req,
    cpu,
    gpu: req.preference === 'cpu' ? () => 'not asked for' : await gpuFactory(),
    now: () => performance.now(),
  });
}
