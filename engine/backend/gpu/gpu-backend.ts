/**
 * The gpu.js backend: every Backend kernel as a gpu.js kernel, in pipeline mode.
 *
 * Buffers allocated here stay on the device across kernels (see residency.ts): a training step
 * uploads its batch, runs forward, loss, backward and the optimizer on textures, and reads back
 * only the loss terms it must return as numbers (and whatever the host then asks for through
 * `download`, e.g. the predictions for the epoch's metrics). Kernels are built per output shape
 * with every loop bound a constant and cached; outputs are immutable (a new texture per call,
 * the previous one of that buffer deleted), since gpu.js refuses a texture that is both input
 * and output of one call.
 *
 * Which gpu.js kernel class runs is detected, never assumed (see `kernelClass`): without a GL
 * context gpu.js silently falls back to WebAssembly, which is not a GPU.
 */
import { GPU, Input, type IKernelRunShortcut } from 'gpu.js';
import { productShape, type ActivationKind, type Backend, type Mat } from '../backend';
import type { Rng } from '../../data/rng';
import { dropoutMask } from '../cpu/kernels';
import { denseSource, matmulSource } from './gemm';
import * as K from './kernels';
import { identifyKernel, type GpuInfo } from './probe';
import { Residency, type DeviceValue } from './residency';

export interface GpuBackendOptions {
  /** gpu.js mode: 'gpu' (its first working GL class, else WebAssembly) or an internal one. */
  mode?: 'gpu' | 'headlessgl' | 'webgl2' | 'webgl' | 'webasm' | 'cpu';
}

type Args = (DeviceValue | number)[];

/** Host data as a gpu.js kernel argument (its typings say number[]; it reads typed arrays). */
const hostInput = (data: Float32Array, rows: number, cols: number): Input =>
  new Input(data.subarray(0, rows * cols) as unknown as number[], [cols, rows]);

export class GpuBackend implements Backend {
  readonly name: string;
  readonly info: GpuInfo;
  private readonly gpu: GPU;
  private readonly kernels = new Map<string, IKernelRunShortcut>();
  private readonly res: Residency;

  constructor(opts: GpuBackendOptions = {}) {
    this.gpu = new GPU({ mode: opts.mode ?? 'gpu' });
    this.res = new Residency(
      (data, rows, cols) =>
        this.kernel('upload', K.UPLOAD, rows, cols)(hostInput(data, rows, cols)) as DeviceValue,
    );
    const probe = this.kernel('upload', K.UPLOAD, 1, 1);
    probe(hostInput(new Float32Array(1), 1, 1));
    this.info = identifyKernel(probe);
    this.name = `gpu.js ${this.info.kernel}`;
  }

  /** Values read back from the device so far. */
  get readbacks(): number {
    return this.res.readbacks;
  }

  private kernel(
    key: string,
    source: string,
    rows: number,
    cols: number,
    constants: Record<string, number> = {},
  ): IKernelRunShortcut {
    const id = `${key} ${rows}×${cols} ${JSON.stringify(constants)}`;
    let k = this.kernels.get(id);
    if (k === undefined) {
      k = this.gpu.createKernel(source, {
        output: [cols, rows],
        constants,
        pipeline: true,
        immutable: true,
        precision: 'single',
        tactic: 'precision',
      });
      this.kernels.set(id, k);
    }
    return k;
  }

  /** Runs a kernel whose rows × cols result becomes `out`'s value. */
  private run(
    out: Float32Array,
    rows: number,
    cols: number,
    key: string,
    source: string,
    constants: Record<string, number>,
    args: Args,
  ): void {
    const value = this.kernel(key, source, rows, cols, constants)(...args) as DeviceValue;
    this.res.output(out, value, rows, cols);
    this.res.endCall();
  }

  /** Runs a kernel with a rows × cols result and returns the float64 sum of its values. */
  private total(
    rows: number,
    cols: number,
    key: string,
    source: string,
    constants: Record<string, number>,
    args: Args,
  ): number {
    const value = this.kernel(key, source, rows, cols, constants)(...args) as DeviceValue;
    const v = this.res.read(value, rows, cols);
    this.res.endCall();
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i]!;
    return s;
  }

  private in(m: Mat): DeviceValue {
    return this.res.input(m.data, m.rows, m.cols);
  }

  /** A flat array as a device value of `like`'s shape (rows × cols). */
  private flat(x: Float32Array, rows: number, cols: number): DeviceValue {
    return this.res.input(x, rows, cols);
  }

  alloc(rows: number, cols: number): Mat {
    const data = new Float32Array(rows * cols);
    this.res.register(data, cols);
    return { rows, cols, data };
  }

  allocLike(x: Float32Array): Float32Array {
    const [, cols] = this.res.shapeOf(x);
    const data = new Float32Array(x.length);
    this.res.register(data, cols);
    return data;
  }

  upload(x: Float32Array): void {
    this.res.hostWrote(x);
  }

  download(x: Float32Array): void {
    this.res.download(x);
  }

  dispose(): void {
    for (const k of this.kernels.values()) k.destroy(true);
    this.kernels.clear();
    void this.gpu.destroy();
  }

  matmul(a: Mat, b: Mat, out: Mat, transA: boolean, transB: boolean, accumulate: boolean): void {
    const [M, Kd, N] = productShape(a, b, out, transA, transB);
    const args: Args = [this.in(a), this.in(b)];
    if (accumulate) args.push(this.in(out));
    const key = `matmul${+transA}${+transB}${+accumulate}`;
    this.run(out.data, M, N, key, matmulSource(transA, transB, accumulate), { K: Kd }, args);
  }

  denseForward(
    x: Mat,
    w: Mat,
    bias: Float32Array | null,
    act: ActivationKind,
    alpha: number,
    out: Mat,
  ): void {
    const [M, Kd, N] = productShape(x, w, out, false, false);
    const args: Args = [this.in(x), this.in(w)];
    if (bias !== null) args.push(this.flat(bias, 1, N));
    const key = `dense ${act} ${bias !== null}`;
    this.run(out.data, M, N, key, denseSource(act, bias !== null), { K: Kd, alpha }, args);
  }

  biasActivation(
    z: Mat,
    bias: Float32Array | null,
    act: ActivationKind,
    alpha: number,
    out: Mat,
  ): void {
    const args: Args = [this.in(z)];
    if (bias !== null) args.push(this.flat(bias, 1, z.cols));
    const source = K.biasActivationSource(act, bias !== null);
    this.run(out.data, z.rows, z.cols, `bias ${act} ${bias !== null}`, source, { alpha }, args);
  }

  activationBackward(y: Mat, gradOut: Mat, act: ActivationKind, alpha: number, gradIn: Mat): void {
    const source = K.activationBackwardSource(act);
    this.run(gradIn.data, y.rows, y.cols, `dact ${act}`, source, { alpha }, [
      this.in(y),
      this.in(gradOut),
    ]);
  }

  softmaxRows(x: Mat, out: Mat): void {
    this.run(out.data, x.rows, x.cols, 'softmax', K.SOFTMAX, { C: x.cols }, [this.in(x)]);
  }

  sumColumns(m: Mat, out: Float32Array, accumulate: boolean): void {
    const args: Args = [this.in(m)];
    if (accumulate) args.push(this.flat(out, 1, m.cols));
    const source = K.sumColumnsSource(accumulate);
    this.run(out, 1, m.cols, `sumcols ${accumulate}`, source, { R: m.rows }, args);
  }

  dropoutMask(mask: Float32Array, n: number, rate: number, rng: Rng): void {
    // Drawn on the host from the seeded stream, so a seed gives the CPU backend's masks.
    this.res.download(mask);
    dropoutMask(mask, n, rate, rng);
    this.res.hostWrote(mask);
  }

  /** (rows, cols) of the first n values of `x` (its allocated width when n fits it). */
  private shapeN(x: Float32Array, n: number): [number, number] {
    const [, cols] = this.res.shapeOf(x);
    return n % cols === 0 ? [n / cols, cols] : [1, n];
  }

  multiply(a: Float32Array, b: Float32Array, out: Float32Array, n: number): void {
    const [r, c] = this.shapeN(out, n);
    this.run(out, r, c, 'mul', K.MULTIPLY, {}, [this.flat(a, r, c), this.flat(b, r, c)]);
  }

  sumSquares(x: Float32Array): number {
    const [r, c] = this.res.shapeOf(x);
    return this.total(r, 1, 'sumsq', K.rowSumSource('squares'), { C: c }, [this.flat(x, r, c)]);
  }

  sumAbs(x: Float32Array): number {
    const [r, c] = this.res.shapeOf(x);
    return this.total(r, 1, 'sumabs', K.rowSumSource('abs'), { C: c }, [this.flat(x, r, c)]);
  }

  /** out = kernel(…flat arrays of out's shape, …scalars) for the element-wise updates. */
  private elementwise(
    out: Float32Array,
    key: string,
    source: string,
    arrays: Float32Array[],
    scalars: number[],
  ): void {
    const [r, c] = this.res.shapeOf(out);
    const args: Args = arrays.map((a) => this.flat(a, r, c));
    this.run(out, r, c, key, source, {}, [...args, ...scalars]);
  }

  scale(x: Float32Array, s: number): void {
    this.elementwise(x, 'scale', K.SCALE, [x], [s]);
  }

  addScaled(out: Float32Array, x: Float32Array, s: number): void {
    this.elementwise(out, 'addscaled', K.ADD_SCALED, [out, x], [s]);
  }

  addScaledSign(out: Float32Array, x: Float32Array, s: number): void {
    this.elementwise(out, 'addsign', K.ADD_SCALED_SIGN, [out, x], [s]);
  }

  softmaxCrossEntropy(z: Mat, y: Mat, probs: Mat, grad: Mat): number {
    const { rows, cols } = z;
    this.softmaxRows(z, probs);
    this.run(grad.data, rows, cols, 'probgrad', K.PROB_GRAD, {}, [
      this.in(probs),
      this.in(y),
      1 / rows,
    ]);
    return this.total(rows, 1, 'ce', K.CE_ROWS, { C: cols }, [this.in(z), this.in(y)]) / rows;
  }

  sigmoidBinaryCrossEntropy(z: Mat, y: Mat, probs: Mat, grad: Mat): number {
    const { rows, cols } = z;
    const n = rows * cols;
    this.biasActivation(z, null, 'sigmoid', 0, probs);
    this.run(grad.data, rows, cols, 'probgrad', K.PROB_GRAD, {}, [
      this.in(probs),
      this.in(y),
      1 / n,
    ]);
    return this.total(rows, cols, 'bce', K.BCE_ELEMENTS, {}, [this.in(z), this.in(y)]) / n;
  }

  meanSquaredError(p: Mat, y: Mat, grad: Mat): number {
    const { rows, cols } = p;
    const n = rows * cols;
    this.run(grad.data, rows, cols, 'probgrad', K.PROB_GRAD, {}, [this.in(p), this.in(y), 2 / n]);
    return this.total(rows, cols, 'se', K.SQUARED_ERROR, {}, [this.in(p), this.in(y)]) / n;
  }

  sgdUpdate(p: Float32Array, g: Float32Array, lr: number): void {
    this.elementwise(p, 'sgd', K.SGD, [p, g], [lr]);
  }

  momentumUpdate(
    p: Float32Array,
    g: Float32Array,
    v: Float32Array,
    lr: number,
    mu: number,
    nesterov: boolean,
  ): void {
    this.elementwise(v, 'momv', K.MOMENTUM_V, [v, g], [mu]);
    this.elementwise(p, 'momp', K.MOMENTUM_P, [p, g, v], [lr, mu, nesterov ? 1 : 0]);
  }

  rmspropUpdate(
    p: Float32Array,
    g: Float32Array,
    s: Float32Array,
    lr: number,
    rho: number,
    eps: number,
  ): void {
    this.elementwise(s, 'ema', K.EMA, [s, g], [rho, 2]);
    this.elementwise(p, 'rmsp', K.RMSPROP_P, [p, g, s], [lr, eps]);
  }

  adamUpdate(
    p: Float32Array,
    g: Float32Array,
    m: Float32Array,
    v: Float32Array,
    lr: number,
    beta1: number,
    beta2: number,
    eps: number,
    t: number,
  ): void {
    this.elementwise(m, 'ema', K.EMA, [m, g], [beta1, 1]);
    this.elementwise(v, 'ema', K.EMA, [v, g], [beta2, 2]);
    const c1 = 1 / (1 - Math.pow(beta1, t));
    const c2 = 1 / (1 - Math.pow(beta2, t));
    this.elementwise(p, 'adamp', K.ADAM_P, [p, m, v], [lr, c1, c2, eps]);
  }
}
