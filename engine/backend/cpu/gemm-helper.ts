/**
 * Kernels split over helper threads: matrix products by blocks of rows of C, the optimizer
 * updates by ranges of parameters.
 *
 * The helpers instantiate one module of kernels (wasm-update.ts `helperModule`) on the shared
 * memory. Control words (Int32, CONTROL_WORDS per helper, at the bottom of the memory): [0] the
 * job number the caller posts, [1] the job number the helper finished, [2] which kernel, [3..18]
 * its arguments (i32, or f32 bits where the kernel's signature says `f`), [31] 1 once the helper
 * is ready. A helper spins briefly, then sleeps in Atomics.wait until the job number changes;
 * job −1 stops it. Every element is computed by the same kernel with the same order of
 * operations whichever thread computes it, so results do not depend on the number of threads.
 */
import type { HelperStart } from '../threads';
import { instantiateBytes, type WasmMemory } from './wasm-asm';

/** Int32 words of control per helper. */
export const CONTROL_WORDS = 32;
const READY = 31;
const ARGS = 3;
const SPINS = 4000;

type Run = (...args: number[]) => void;

/** A helper thread's whole life: instantiate, then run posted jobs until told to stop. */
export function runGemmHelper(start: HelperStart): void {
  const memory = start.memory as WasmMemory;
  const exports = instantiateBytes(memory, start.module);
  const ctl = new Int32Array(memory.buffer, start.control, CONTROL_WORDS);
  const ctlF = new Float32Array(memory.buffer, start.control, CONTROL_WORDS);
  if (exports === null) return;
  const fns = start.kernels.map((k) => exports[k.name] as Run);
  const args = start.kernels.map((k) => new Array<number>(k.signature.length).fill(0));
  let seen = Atomics.load(ctl, 0);
  Atomics.store(ctl, 1, seen);
  Atomics.store(ctl, READY, 1);
  for (;;) {
    let spins = 0;
    while (Atomics.load(ctl, 0) === seen) {
      if (++spins > SPINS) Atomics.wait(ctl, 0, seen);
    }
    seen = Atomics.load(ctl, 0);
    if (seen < 0) return;
    const f = ctl[2]!;
    const sig = start.kernels[f]!.signature;
    const a = args[f]!;
    for (let i = 0; i < sig.length; i++) a[i] = sig[i] === 'f' ? ctlF[ARGS + i]! : ctl[ARGS + i]!;
    fns[f]!(...a);
    Atomics.store(ctl, 1, seen);
    Atomics.notify(ctl, 1);
  }
}

/** The caller's side: posts parts to ready helpers, computes its own, waits for theirs. */
export class GemmSplitter {
  private readonly ctl: Int32Array[];
  private readonly ctlF: Float32Array[];
  /** Helpers posted to in the current job (reused: a split allocates nothing). */
  private readonly posted: Int32Array[] = [];
  private job = 0;

  constructor(
    memory: WasmMemory,
    helpers: number,
    /** Products with fewer multiply-adds than this run on the calling thread alone. */
    private readonly minMacs: number,
    /** Updates of fewer values than this run on the calling thread alone. */
    private readonly minValues: number,
  ) {
    this.ctl = Array.from(
      { length: helpers },
      (_, h) => new Int32Array(memory.buffer, h * CONTROL_WORDS * 4, CONTROL_WORDS),
    );
    this.ctlF = this.ctl.map((c) => new Float32Array(c.buffer, c.byteOffset, CONTROL_WORDS));
  }

  /** Control-block byte offsets, one per helper. */
  static controls(helpers: number): number[] {
    return Array.from({ length: helpers }, (_, h) => h * CONTROL_WORDS * 4);
  }

  /** Helpers ready now, at most `max`. */
  private readyCount(max: number): number {
    let n = 0;
    for (const c of this.ctl) if (n < max && Atomics.load(c, READY) === 1) n++;
    return n;
  }

  /** Posts kernel `f` with its arguments to the next ready helper. */
  private post(job: number, f: number, args: ArrayLike<number>, floats: string): void {
    for (let h = 0; h < this.ctl.length; h++) {
      const c = this.ctl[h]!;
      if (Atomics.load(c, READY) !== 1 || this.posted.includes(c)) continue;
      const cf = this.ctlF[h]!;
      c[2] = f;
      for (let i = 0; i < args.length; i++) {
        if (floats[i] === 'f') cf[ARGS + i] = args[i]!;
        else c[ARGS + i] = args[i]!;
      }
      Atomics.store(c, 0, job);
      Atomics.notify(c, 0);
      this.posted.push(c);
      return;
    }
  }

  /** Waits for every helper posted to in this job. */
  private join(job: number): void {
    for (const c of this.posted) {
      let spins = 0;
      while (Atomics.load(c, 1) !== job) {
        if (++spins > SPINS) waitChange(c, 1, Atomics.load(c, 1));
      }
    }
    this.posted.length = 0;
  }

  private readonly gemmArgs = new Array<number>(10).fill(0);

  /** run(M4, N8, K, pA, sa, sk, pB, ldb, pC, ldc) (kernel 0) split by rows over the helpers. */
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
    const ready = M4 * N8 * K < this.minMacs || M4 < 8 ? 0 : this.readyCount(M4 / 4 - 1);
    if (ready === 0) {
      run(M4, N8, K, pA, sa, sk, pB, ldb, pC, ldc);
      return;
    }
    const parts = ready + 1;
    const per = Math.ceil(M4 / 4 / parts) * 4;
    const job = ++this.job;
    const a = this.gemmArgs;
    for (let t = 1; t < parts; t++) {
      const i0 = t * per;
      if (i0 >= M4) break;
      a[0] = Math.min(per, M4 - i0);
      a[1] = N8;
      a[2] = K;
      a[3] = pA + i0 * sa;
      a[4] = sa;
      a[5] = sk;
      a[6] = pB;
      a[7] = ldb;
      a[8] = pC + i0 * ldc;
      a[9] = ldc;
      this.post(job, 0, a, '');
    }
    run(Math.min(per, M4), N8, K, pA, sa, sk, pB, ldb, pC, ldc);
    this.join(job);
  }

  /**
   * Kernel `f` (run here as `run`) over the rows of a product, split by blocks of rows (multiples
   * of four) over the helpers: args[0] is the row count (a multiple of four) and args[iA] and
   * args[iC] the byte addresses of the first row of A and C, advanced by sa and ldc bytes per row.
   * `prepare(i0, i1)`, when given, runs before rows [i0, i1) start, the helpers' first, so this
   * thread's preparation (e.g. copying its rows in) overlaps the helpers' work. Products of fewer
   * than the threshold's multiply-adds (`macs`) run here alone. `args` is restored on return.
   */
  rows(
    f: number,
    run: Run,
    args: number[],
    macs: number,
    iA: number,
    sa: number,
    iC: number,
    ldc: number,
    prepare: ((i0: number, i1: number) => void) | null,
  ): void {
    const M = args[0]!;
    const ready = macs < this.minMacs || M < 8 ? 0 : this.readyCount(M / 4 - 1);
    const parts = ready + 1;
    const per = Math.ceil(M / 4 / parts) * 4;
    const pA = args[iA]!;
    const pC = args[iC]!;
    const job = ready > 0 ? ++this.job : 0;
    for (let t = parts - 1; t >= 0; t--) {
      const i0 = t * per;
      if (i0 >= M) continue;
      const i1 = Math.min(M, i0 + per);
      prepare?.(i0, i1);
      args[0] = i1 - i0;
      args[iA] = pA + i0 * sa;
      args[iC] = pC + i0 * ldc;
      if (t > 0) this.post(job, f, args, '');
      else run(...args);
    }
    args[0] = M;
    args[iA] = pA;
    args[iC] = pC;
    if (ready > 0) this.join(job);
  }

  /**
   * An element-wise kernel `f` (run here as `run`) over `bytes` at the pointers args[0..pointers)
   * (args[pointers] is the byte count), split into whole vectors over the helpers. `signature`
   * marks its f32 arguments with `f`. Returns false (nothing run) when it is too small to split.
   */
  vector(f: number, run: Run, args: number[], pointers: number, signature: string): boolean {
    const bytes = args[pointers]!;
    if (bytes < this.minValues * 4) return false;
    const ready = this.readyCount(Infinity);
    if (ready === 0) return false;
    const parts = ready + 1;
    const per = Math.ceil(bytes / 16 / parts) * 16;
    const job = ++this.job;
    for (let t = parts - 1; t >= 0; t--) {
      const o = t * per;
      if (o >= bytes) continue;
      for (let i = 0; i < pointers; i++) args[i] = args[i]! + o;
      args[pointers] = Math.min(per, bytes - o);
      if (t > 0) this.post(job, f, args, signature);
      else run(...args);
      for (let i = 0; i < pointers; i++) args[i] = args[i]! - o;
    }
    args[pointers] = bytes;
    this.join(job);
    return true;
  }

  /** Helpers that have started and instantiated the kernels. */
  ready(): number {
    return this.readyCount(Infinity);
  }

  /**
   * Tells the helpers to stop (they return from runGemmHelper). They are no longer ready, so a
   * product after this runs on the calling thread instead of waiting for a helper that is gone.
   */
  stop(): void {
    for (const c of this.ctl) {
      Atomics.store(c, READY, 0);
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
