/**
 * The matrix product split over helper threads by blocks of rows of C.
 *
 * Control words (Int32, 16 per helper, at the bottom of the shared memory): [0] the job number
 * the caller posts, [1] the job number the helper finished, [2..11] the kernel's arguments,
 * [15] 1 once the helper is ready. A helper spins briefly, then sleeps in Atomics.wait until
 * the job number changes; job −1 stops it. Every element of C is computed by the same kernel
 * with the same order of k whichever thread computes it, so results do not depend on the
 * number of threads.
 */
import type { HelperStart } from '../threads';
import { instantiateBytes, type WasmMemory } from './wasm-asm';

/** Int32 words of control per helper. */
export const CONTROL_WORDS = 16;
const SPINS = 4000;

type Run = (...args: number[]) => void;

/** A helper thread's whole life: instantiate, then run posted jobs until told to stop. */
export function runGemmHelper(start: HelperStart): void {
  const memory = start.memory as WasmMemory;
  const exports = instantiateBytes(memory, start.module);
  const ctl = new Int32Array(memory.buffer, start.control, CONTROL_WORDS);
  if (exports === null) return;
  const run = exports.gemm as Run;
  let seen = Atomics.load(ctl, 0);
  Atomics.store(ctl, 1, seen);
  Atomics.store(ctl, 15, 1);
  for (;;) {
    let spins = 0;
    while (Atomics.load(ctl, 0) === seen) {
      if (++spins > SPINS) Atomics.wait(ctl, 0, seen);
    }
    seen = Atomics.load(ctl, 0);
    if (seen < 0) return;
    run(ctl[2]!, ctl[3]!, ctl[4]!, ctl[5]!, ctl[6]!, ctl[7]!, ctl[8]!, ctl[9]!, ctl[10]!, ctl[11]!);
    Atomics.store(ctl, 1, seen);
    Atomics.notify(ctl, 1);
  }
}

/** The caller's side: posts row blocks to ready helpers, computes its own, waits for theirs. */
export class GemmSplitter {
  private readonly ctl: Int32Array[];
  private job = 0;

  constructor(
    memory: WasmMemory,
    helpers: number,
    /** Products with fewer multiply-adds than this run on the calling thread alone. */
    private readonly minMacs: number,
  ) {
    this.ctl = Array.from(
      { length: helpers },
      (_, h) => new Int32Array(memory.buffer, h * CONTROL_WORDS * 4, CONTROL_WORDS),
    );
  }

  /** Control-block byte offsets, one per helper. */
  static controls(helpers: number): number[] {
    return Array.from({ length: helpers }, (_, h) => h * CONTROL_WORDS * 4);
  }

  /** run(M4, N8, K, pA, sa, sk, pB, ldb, pC, ldc) split by rows over the ready helpers. */
  run(
    run: Run,
    M4: number,
    N8: number,
    K: number,
    pA: number,
    sa: number,
    sk: number,
    pB: number,
    ldb: number,
    pC: number,
    ldc: number,
  ): void {
    const ready = this.ctl.filter((c) => Atomics.load(c, 15) === 1);
    if (ready.length === 0 || M4 * N8 * K < this.minMacs || M4 < 8) {
      run(M4, N8, K, pA, sa, sk, pB, ldb, pC, ldc);
      return;
    }
    const parts = Math.min(ready.length + 1, M4 >> 2);
    const per = Math.ceil(M4 / 4 / parts) * 4;
    const job = ++this.job;
    const posted: Int32Array[] = [];
    for (let t = 1; t < parts; t++) {
      const i0 = t * per;
      if (i0 >= M4) break;
      const c = ready[t - 1]!;
      c.set([Math.min(per, M4 - i0), N8, K, pA + i0 * sa, sa, sk, pB, ldb, pC + i0 * ldc, ldc], 2);
      Atomics.store(c, 0, job);
      Atomics.notify(c, 0);
      posted.push(c);
    }
    run(Math.min(per, M4), N8, K, pA, sa, sk, pB, ldb, pC, ldc);
    for (const c of posted) {
      let spins = 0;
      while (Atomics.load(c, 1) !== job) {
        if (++spins > SPINS) waitChange(c, 1, Atomics.load(c, 1));
      }
    }
  }

  /** Helpers that have started and instantiated the kernel. */
  ready(): number {
    return this.ctl.filter((c) => Atomics.load(c, 15) === 1).length;
  }

  /**
   * Tells the helpers to stop (they return from runGemmHelper). They are no longer ready, so a
   * product after this runs on the calling thread instead of waiting for a helper that is gone.
   */
  stop(): void {
    for (const c of this.ctl) {
      Atomics.store(c, 15, 0);
      Atomics.store(c, 0, -1);
      Atomics.notify(c, 0);
    }
  }
}

/** Sleeps while ctl[i] === value, where the thread may block (not a browser's main thread). */
function waitChange(ctl: Int32Array, i: number, value: number): void {
  try {
    Atomics.wait(ctl, i, value, 1);
  } catch {
    // This thread may not block: keep spinning.
  }
}
