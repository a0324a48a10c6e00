/**
 * Helper threads for the CPU backend, passed in by the host (the engine imports no Node API, so
 * it cannot start threads itself): electron/backend/training/thread-pool.ts implements this with
 * worker_threads for the training worker and the benchmark.
 *
 * The backend shares one SharedArrayBuffer-backed WebAssembly memory with its helpers. Each
 * helper gets a `HelperStart` and runs `runGemmHelper` (engine/backend/cpu/gemm-helper.ts) on
 * it: it instantiates the same matrix-product module on that memory and then waits, on its
 * control words (Atomics), for a block of rows to compute.
 */

/** What one helper thread is started with (structured-cloneable: the memory is shared). */
export interface HelperStart {
  /** The matrix-product module (its bytes), importing the shared memory as env.mem. */
  readonly module: Uint8Array;
  /** The shared WebAssembly.Memory (typed loosely: the engine has no DOM/Node typings). */
  readonly memory: object;
  /** Byte offset of this helper's 16 control words in the memory. */
  readonly control: number;
}

export interface ThreadPool {
  /** Helper threads this pool runs besides the caller's (0: the caller works alone). */
  readonly size: number;
  /** Starts one helper thread per entry (size at most), each running runGemmHelper(start). */
  start(starts: readonly HelperStart[]): void;
  /** Stops the helpers. */
  close(): void;
}
