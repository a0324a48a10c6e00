/**
 * The CPU backend: every Backend kernel as a plain loop over Float32Array. Matrix products go
 * through the WebAssembly SIMD kernel where the host has one, else the register-tiled JavaScript
 * `gemm`; nothing here allocates except `alloc` (and a one-off growth of the SIMD scratch memory).
 *
 * With WebAssembly, `alloc` and `allocLike` return views of the kernels' shared memory
 * (wasm-heap.ts), so kernels work on them without copies. Such an array is backed by a
 * SharedArrayBuffer: copy it (`slice()`) before handing it outside the engine, e.g. to another
 * process.
 */
import { productShape, type ActivationKind, type Backend, type Mat } from '../backend';
import { gemm, type Gemm } from './gemm';
import * as K from './kernels';
import type { ThreadPool } from '../threads';
import { CONTROL_WORDS, GemmSplitter } from './gemm-helper';
import { newScratch } from './wasm-asm';
import type { WasmHeap } from './wasm-heap';
import { createWasmGemm, type GemmKernel } from './wasm-gemm';
import { createWasmUpdates, helperModule } from './wasm-update';
import { createWasmElementwise } from './wasm-elementwise';
import { HeldWeights } from './held-weights';

/** The matrix-product kernels, fastest first: relaxed-SIMD FMA, SIMD, JavaScript. */
export type CpuKernel = GemmKernel | 'js';

export interface CpuBackendOptions {
  /** Use the WebAssembly SIMD kernels when available (default true); false = `kernel: 'js'`. */
  simd?: boolean;
  /**
   * The matrix product to use (default: the fastest the runtime validates). A kernel the
   * runtime lacks falls back to the next one; `name` says which one runs.
   */
  kernel?: CpuKernel;
  /**
   * Helper threads for large products (the host starts them; see engine/backend/threads.ts).
   * Results are the same with any number of threads.
   */
  pool?: ThreadPool;
  /**
   * Products with fewer multiply-adds run on one thread (default PARALLEL_MIN_MACS: below it
   * waking a helper costs more than it saves).
   */
  parallelMinMacs?: number;
  /** Optimizer updates of fewer values run on one thread (default PARALLEL_MIN_VALUES). */
  parallelMinValues?: number;
}

/**
 * 2^20 multiply-adds take about 80 µs on one core, well above the cost of waking a helper; so
 * W-big's hidden-layer products (4–26 M) split and W-digits' and W-tiny's stay on one thread.
 * (Chosen by that estimate: the shared 2-core machine was too loaded to tune it by measurement.)
 */
export const PARALLEL_MIN_MACS = 1 << 20;

/**
 * An Adam update of 2^15 values takes about 40 µs on one core (W-big's second layer; its first
 * has 200k values): splitting it pays once waking the helper costs less than half of that.
 */
export const PARALLEL_MIN_VALUES = 1 << 15;

const ORDER: readonly CpuKernel[] = ['relaxed', 'simd', 'js'];

export class CpuBackend implements Backend {
  readonly name: string;
  /** The matrix-product kernel that really runs. */
  readonly kernel: CpuKernel;
  /** Threads the matrix product runs on (1 + the helpers started). */
  readonly threads: number;
  private readonly gemm: Gemm;
  private splitter: GemmSplitter | null = null;
  private heap: WasmHeap | null = null;
  /** Packed weights for predictions and evaluations (null on the JavaScript kernel). */
  private held: HeldWeights | null = null;

  constructor(opts: CpuBackendOptions = {}) {
    const wanted = opts.simd === false ? 'js' : (opts.kernel ?? 'relaxed');
    const scratch = wanted === 'js' ? null : newScratch((opts.pool?.size ?? 0) * CONTROL_WORDS);
    const helpers = scratch?.shared === true ? (opts.pool?.size ?? 0) : 0;
    if (scratch !== null && helpers > 0) {
      this.splitter = new GemmSplitter(
        scratch.memory,
        helpers,
        opts.parallelMinMacs ?? PARALLEL_MIN_MACS,
        opts.parallelMinValues ?? PARALLEL_MIN_VALUES,
      );
    }
    let chosen: CpuKernel = 'js';
    let product: Gemm = gemm;
    for (const k of ORDER.slice(ORDER.indexOf(wanted))) {
      const g = k === 'js' || scratch === null ? null : createWasmGemm(scratch, k, this.splitter);
      if (g !== null) {
        chosen = k;
        product = g;
        break;
      }
    }
    this.kernel = chosen;
    this.gemm = product;
    this.name = `cpu-${chosen}`;
    this.threads = 1;
    if (this.splitter !== null && scratch !== null && chosen !== 'js') {
      const kernels = helperModule(chosen);
      opts.pool!.start(
        GemmSplitter.controls(helpers).map((control) => ({
          ...kernels,
          memory: scratch.memory,
          control,
        })),
      );
      this.threads = 1 + helpers;
    } else {
      this.splitter = null;
    }
    if (chosen === 'js' || scratch === null) return;
    // Arrays this backend allocates live in the kernels' memory: no copies in or out.
    this.heap = scratch.heap;
    // The optimizer updates, the sum of squares and the element-wise kernels run in SIMD
    // alongside a SIMD product.
    const updates = createWasmUpdates(scratch, this.splitter);
    if (updates !== null) {
      this.adamUpdate = updates.adamUpdate;
      this.rmspropUpdate = updates.rmspropUpdate;
      this.momentumUpdate = updates.momentumUpdate;
      this.sumSquares = updates.sumSquares;
    }
    this.held = HeldWeights.create(scratch, chosen, this.splitter);
    const elementwise = createWasmElementwise(scratch);
    if (elementwise !== null) {
      this.biasActivation = elementwise.biasActivation;
      this.activationBackward = elementwise.activationBackward;
      this.sumColumns = elementwise.sumColumns;
    }
  }

  alloc(rows: number, cols: number): Mat {
    return { rows, cols, data: this.heap?.alloc(rows * cols) ?? new Float32Array(rows * cols) };
  }

  allocLike(x: Float32Array): Float32Array {
    return this.heap?.alloc(x.length) ?? new Float32Array(x.length);
  }

  // Everything lives on the host: nothing to synchronise or free.
  upload(_x: Float32Array): void {}
  download(_x: Float32Array): void {}
  /** Helper threads ready to take rows (they start asynchronously; until then this thread works alone). */
  helpersReady(): number {
    return this.splitter?.ready() ?? 0;
  }

  /** Stops the helper threads, if any (the pool's owner closes the pool). */
  dispose(): void {
    this.splitter?.stop();
  }

  /** Weight matrices packed for held products so far (see held-weights.ts). */
  get weightsPacked(): number {
    return this.held?.packs ?? 0;
  }

  holdWeights(on: boolean): void {
    this.held?.setHeld(on);
  }

  matmul(a: Mat, b: Mat, out: Mat, transA: boolean, transB: boolean, accumulate: boolean): void {
    const [M, K, N] = productShape(a, b, out, transA, transB);
    const sai = transA ? 1 : a.cols;
    const sak = transA ? a.cols : 1;
    const sbk = transB ? 1 : b.cols;
    const sbj = transB ? b.cols : 1;
    this.gemm(M, N, K, a.data, sai, sak, b.data, sbk, sbj, out.data, accumulate);
  }

  denseForward(
    x: Mat,
    w: Mat,
    bias: Float32Array | null,
    act: ActivationKind,
    alpha: number,
    out: Mat,
  ): void {
    if (this.held !== null && x.cols === w.rows && this.held.denseForward(x, w, bias, act, out))
      return;
    this.matmul(x, w, out, false, false, false);
    if (bias !== null || act !== 'linear') this.biasActivation(out, bias, act, alpha, out);
  }

  // Element-wise, loss and optimizer kernels: kernels.ts (as in gpu/).
  readonly biasActivation: Backend['biasActivation'] = K.biasActivation;
  readonly activationBackward: Backend['activationBackward'] = K.activationBackward;
  readonly softmaxRows = K.softmaxRows;
  readonly sumColumns: Backend['sumColumns'] = K.sumColumns;
  readonly dropoutMask = K.dropoutMask;
  readonly multiply = K.multiply;
  readonly sumSquares: Backend['sumSquares'] = K.sumSquares;
  readonly sumAbs = K.sumAbs;
  readonly scale = K.scale;
  readonly addScaled = K.addScaled;
  readonly addScaledSign = K.addScaledSign;
  readonly softmaxCrossEntropy = K.softmaxCrossEntropy;
  readonly sigmoidBinaryCrossEntropy = K.sigmoidBinaryCrossEntropy;
  readonly meanSquaredError = K.meanSquaredError;
  readonly sgdUpdate = K.sgdUpdate;
  readonly momentumUpdate: Backend['momentumUpdate'] = K.momentumUpdate;
  readonly rmspropUpdate: Backend['rmspropUpdate'] = K.rmspropUpdate;
  readonly adamUpdate: Backend['adamUpdate'] = K.adamUpdate;
}

/** One shared CPU backend (it holds no state). */
export const cpuBackend: Backend = new CpuBackend();
