/**
 * Dense layers' forward pass on weights held still: while the backend is told the weights do not
 * change (`hold`, around a prediction or an evaluation over many chunks of rows), each weight
 * matrix is packed once into panels (wasm-gemm-panel.ts) and every chunk is multiplied by that
 * copy, with the bias and ReLU applied as the product is stored, split over the helper threads.
 *
 * A packed copy is only used inside the hold it was packed in: every new hold packs again, so a
 * copy never outlives the weights it was made from (training changes them between holds). The
 * results are the bits the ordinary product + bias + activation give, on one thread or more.
 */
import type { ActivationKind, Mat } from '../backend';
import type { GemmSplitter } from './gemm-helper';
import { instantiate, type Scratch } from './wasm-asm';
import type { GemmKernel } from './wasm-gemm';
import { gemmPanelFunction, packedFloats, packPanels, PANEL_STRIDES } from './wasm-gemm-panel';
import { GEMM_PANEL } from './wasm-update';

/**
 * Chunks of fewer rows do not pack: packing K·N values costs about what a product of a few rows
 * does, so a one-row prediction stays on the ordinary product.
 */
export const PACK_MIN_ROWS = 32;

interface Packed {
  /** The packed copy (resident), panels then the bias. */
  data: Float32Array;
  /** The hold it was packed in. */
  hold: number;
  /** The bias packed with it (null: zeros). */
  bias: Float32Array | null;
}

type Run = (...args: number[]) => void;

export class HeldWeights {
  /** Weight matrices packed so far (each hold packs each matrix it uses once). */
  packs = 0;
  private depth = 0;
  /** Number of the current hold (0: none yet); a copy packed in another hold is stale. */
  private hold = 0;
  /** Packed copies by weight array (weak: a discarded network's copies go with it). */
  private readonly packed = new WeakMap<Float32Array, Packed>();
  /** The general kernel, then one per PANEL_STRIDES entry. */
  private readonly runs: Run[];
  /** Arguments of gemmPanel (reused: a chunk allocates nothing). */
  private readonly args = new Array<number>(10).fill(0);
  /** Where the current product's A lies, for `copyRows`. */
  private src: Float32Array | null = null;
  private srcRows = 0;
  private srcCols = 0;
  /** Floats between rows in the scratch copy (srcCols, or a fixed stride's). */
  private dstStride = 0;
  private dst = 0;
  /** Copies rows [i0, i1) of the current A (those past its last row stay as they were). */
  private readonly copyRows = (i0: number, i1: number): void => {
    const n = this.srcCols;
    const d = this.dstStride;
    const end = Math.min(i1, this.srcRows);
    const m = this.scratch.f32;
    const a = this.src!;
    if (d === n) {
      if (end > i0) m.set(a.subarray(i0 * n, end * n), this.dst + i0 * n);
      return;
    }
    // A view per row (about 0.1 µs each): cheaper than copying element by element.
    for (let i = i0; i < end; i++) m.set(a.subarray(i * n, i * n + n), this.dst + i * d);
  };

  private constructor(
    private readonly scratch: Scratch,
    runs: Run[],
    private readonly splitter: GemmSplitter | null,
  ) {
    this.runs = runs;
  }

  /** Null where the runtime rejects the kernel or arrays cannot live in the kernels' memory. */
  static create(
    scratch: Scratch,
    kernel: GemmKernel,
    splitter: GemmSplitter | null,
  ): HeldWeights | null {
    if (!scratch.heap.resident) return null;
    const fns = [
      gemmPanelFunction(kernel),
      ...PANEL_STRIDES.map((s) => gemmPanelFunction(kernel, s)),
    ];
    const ex = instantiate(scratch, fns);
    if (ex === null) return null;
    return new HeldWeights(
      scratch,
      fns.map((f) => ex[f.name] as Run),
      splitter,
    );
  }

  /** Starts (true) or ends (false) a stretch in which weights do not change; holds nest. */
  setHeld(on: boolean): void {
    if (on) {
      if (this.depth++ === 0) this.hold++;
    } else if (this.depth > 0 && --this.depth === 0) {
      this.hold++;
    }
  }

  /**
   * out = act(x·w + bias) on the packed copy of w, or false (nothing done) outside a hold, for
   * activations other than ReLU and linear, and for chunks too small to be worth packing.
   */
  denseForward(x: Mat, w: Mat, bias: Float32Array | null, act: ActivationKind, out: Mat): boolean {
    if (this.depth === 0 || (act !== 'relu' && act !== 'linear')) return false;
    const M = x.rows;
    const K = x.cols;
    const N = w.cols;
    let p = this.packed.get(w.data);
    const fresh = p !== undefined && p.hold === this.hold && p.bias === bias;
    if (!fresh && M < PACK_MIN_ROWS) return false;
    const heap = this.scratch.heap;
    if (p === undefined || p.data.length < packedFloats(K, N)) {
      p = { data: heap.alloc(packedFloats(K, N)), hold: 0, bias: null };
      this.packed.set(w.data, p);
    }
    if (!fresh) {
      packPanels(K, N, w.data, N, 1, bias, p.data, 0);
      p.hold = this.hold;
      p.bias = bias;
      this.packs++;
    }
    const M4 = (M + 3) & ~3;
    const N8 = (N + 7) & ~7;
    // A is read in place when resident and its reads (rows past M included) stay in memory.
    let pA = heap.addressOf(x.data);
    if (pA >= 0 && pA + (M4 * K + 4) * 4 > heap.size) pA = -1;
    const pC = N === N8 && M === M4 ? heap.addressOf(out.data) : -1;
    // The fixed-stride kernel where the rows already lie that far apart, or where a copy can
    // put them so for less than twice the room; else the general one.
    const row = K * 4;
    let v = PANEL_STRIDES.indexOf(row);
    if (pA < 0) v = PANEL_STRIDES.findIndex((s) => s >= row && s < 2 * row);
    const stride = v >= 0 ? PANEL_STRIDES[v]! : row;
    const aLen = pA >= 0 ? 0 : ((M4 * stride) / 4 + 8 + 3) & ~3;
    this.scratch.ensure(aLen + (pC >= 0 ? 0 : M4 * N8));
    const aOff = this.scratch.base;
    const cOff = aOff + aLen;
    const a = this.args;
    a[0] = M4;
    a[1] = N8;
    a[2] = K;
    a[3] = pA >= 0 ? pA : aOff * 4;
    a[4] = stride;
    a[5] = p.data.byteOffset;
    a[6] = pC >= 0 ? pC : cOff * 4;
    a[7] = N8 * 4;
    // The packed bias is zeros without one: + 0 then ReLU gives ReLU's bits (−0 and NaN → +0).
    a[8] = p.data.byteOffset + K * N8 * 4;
    a[9] = act === 'relu' ? 2 : bias === null ? 0 : 1;
    // A caller's rows are copied in part by part, so each thread's rows arrive as it starts.
    const prepare = pA >= 0 ? null : this.copyRows;
    this.src = x.data;
    this.srcRows = M;
    this.srcCols = K;
    this.dstStride = stride / 4;
    this.dst = aOff;
    const run = this.runs[v + 1]!;
    if (this.splitter === null) {
      prepare?.(0, M4);
      run(...a);
    } else {
      this.splitter.rows(GEMM_PANEL + 1 + v, run, a, M4 * N8 * K, 3, stride, 6, N8 * 4, prepare);
    }
    this.src = null;
    if (pC >= 0) return true;
    const m = this.scratch.f32;
    const o = out.data;
    for (let i = 0; i < M; i++) {
      const s = cOff + i * N8;
      const d = i * N;
      // Narrow rows are copied by hand: a subarray per row would allocate in every chunk.
      if (N < 64) for (let j = 0; j < N; j++) o[d + j] = m[s + j]!;
      else o.set(m.subarray(s, s + N), d);
    }
    return true;
  }
}
