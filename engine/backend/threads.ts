/**
 * Helper threads for the CPU backend, passed in by the host (the engine imports no Node API, so
 * it cannot start threads itself): electron/backend/training/thread-pool.ts implements this with
 * worker_threads for the training worker and the benchmark.
 *
 * The backend shares one SharedArrayBuffer-backed WebAssembly memory with its helpers. Each
 * helper gets a `HelperStart` and runs `runGemmHelper` (engine/backend/cpu/gemm-helper.ts) on
 * it: it instantiates the same kernels (matrix product, optimizer updates) on that memory and then
 * waits, on its control words (Atomics), for a block of rows or a range of values to compute.
 */

/** What one helper thread is started with (structured-cloneable: the memory is shared). */
export interface HelperStart {
  /** The kernels' module (its bytes), importing the shared memory as env.mem. */
  readonly module: Uint8Array;
  /**
   * The kernels a job may name, by index: export name and parameter types (`i` i32, `f` f32).
   */
  readonly kernels: readonly { readonly name: string; readonly signature: string }[];
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
