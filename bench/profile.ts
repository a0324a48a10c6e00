/**
 * `--profile`: where a training step's time goes, by backend kernel. Wraps every method of the
 * backend with a wall-clock timer (≈ 0.1 µs each, negligible next to W-big's kernels) and
 * reports microseconds per step for each kernel, products split by their role (forward,
 * weight gradient, input gradient) through the transpose flags. Printed on stderr so the
 * harness's JSON lines stay clean.
 */
import type { Backend, Mat } from '../engine/backend/backend';

const KERNELS = [
  'matmul',
  'denseForward',
  'biasActivation',
  'activationBackward',
  'softmaxCrossEntropy',
  'sigmoidBinaryCrossEntropy',
  'sumColumns',
  'sumSquares',
  'adamUpdate',
  'rmspropUpdate',
  'momentumUpdate',
  'multiply',
  'dropoutMask',
] as const;

export interface Profile {
  /** Clears the totals (call before the timed part). */
  reset(): void;
  /** Microseconds per step for each kernel, with the total of the timed kernels. */
  perStep(steps: number): Record<string, number>;
}

/** Wraps `backend`'s kernels in place with timers. */
export function profileBackend(backend: Backend): Profile {
  const totals = new Map<string, number>();
  const now = (): number => Number(process.hrtime.bigint()) / 1e3;
  let depth = 0;
  const target = backend as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of KERNELS) {
    const fn = target[name];
    if (typeof fn !== 'function') continue;
    const bound = fn.bind(backend);
    target[name] = (...args: unknown[]) => {
      // Only the outermost call counts (denseForward calls matmul and biasActivation).
      if (depth > 0) return bound(...args);
      let key: string = name;
      if (name === 'matmul') {
        const [a, b, , ta, tb] = args as [Mat, Mat, Mat, boolean, boolean];
        key = `matmul ${ta ? 'Aᵀ' : 'A'}·${tb ? 'Bᵀ' : 'B'} ${a.rows}×${a.cols}·${b.rows}×${b.cols}`;
      }
      depth++;
      const t0 = now();
      try {
        return bound(...args);
      } finally {
        depth--;
        totals.set(key, (totals.get(key) ?? 0) + now() - t0);
      }
    };
  }
  return {
    reset: () => totals.clear(),
    perStep(steps) {
      const out: Record<string, number> = {};
      let sum = 0;
      for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1])) {
        out[k] = Math.round((v / steps) * 10) / 10;
        sum += v;
      }
      out['all kernels'] = Math.round((sum / steps) * 10) / 10;
      return out;
    },
  };
}
