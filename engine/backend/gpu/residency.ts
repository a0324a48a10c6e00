/**
 * Which buffers live on the device, and where their current values are.
 *
 * The Backend interface passes Float32Arrays; the gpu.js backend keeps a buffer it allocated
 * (`alloc`, `allocLike`) in a device value (a texture on GL, row arrays on WebAssembly) between
 * kernels. Entries are keyed by the ArrayBuffer, so the row views a RowBuffer hands out (which
 * share their buffer, from offset 0) find the same entry. An entry is current on the host, on
 * the device, or both; `upload` (host wrote) drops the device value, `download` (host reads)
 * reads it back once. Arrays with no entry are host data: uploaded for one kernel call and
 * written back to the host at once when a kernel outputs to them.
 */
import type { Texture } from 'gpu.js';

/** What a pipeline kernel returns and takes: a texture (GL) or arrays of rows (WebAssembly). */
export type DeviceValue = Texture | Float32Array[];

interface Entry {
  /** Row width the buffer was allocated with. */
  readonly cols: number;
  /** The device copy (rows × cols), or null. */
  value: DeviceValue | null;
  rows: number;
  /** Whether the host array holds the current values. */
  host: boolean;
}

type RawTexture = Texture & { renderValues(): Float32Array | null };

/** Copies a device value's rows × cols values to the start of `dst`. */
export function readValue(value: DeviceValue, dst: Float32Array, rows: number, cols: number): void {
  if (Array.isArray(value)) {
    for (let r = 0; r < rows; r++) dst.set(value[r]!.subarray(0, cols), r * cols);
    return;
  }
  // A float texture reads back as RGBA texels: element i is the red channel of texel i.
  const raw = (value as RawTexture).renderValues();
  if (raw === null) throw new Error('gpu.js: read of a deleted texture');
  const n = rows * cols;
  for (let i = 0; i < n; i++) dst[i] = raw[i * 4]!;
}

export function freeValue(value: DeviceValue): void {
  if (!Array.isArray(value)) value.delete();
}

export class Residency {
  private readonly entries = new WeakMap<ArrayBufferLike, Entry>();
  /** Device values made for one call (uploads of host data), freed after it. */
  private readonly temps: DeviceValue[] = [];
  /** Readbacks so far (a cost counter for tests and benchmarks). */
  readbacks = 0;

  constructor(
    private readonly uploadValue: (data: Float32Array, rows: number, cols: number) => DeviceValue,
  ) {}

  register(data: Float32Array, cols: number): void {
    this.entries.set(data.buffer, { cols, value: null, rows: 0, host: true });
  }

  private entryOf(x: Float32Array): Entry | undefined {
    const e = this.entries.get(x.buffer);
    // A view that does not start at the buffer's start is read and written as host data.
    if (e !== undefined && x.byteOffset !== 0) {
      this.syncHost(x.buffer, e);
      this.drop(e);
      return undefined;
    }
    return e;
  }

  /** (rows, cols) of a flat array: its allocated width, else one row. */
  shapeOf(x: Float32Array): [number, number] {
    const e = this.entries.get(x.buffer);
    if (e !== undefined && x.byteOffset === 0 && x.length % e.cols === 0)
      return [x.length / e.cols, e.cols];
    return [1, x.length];
  }

  /** The host wrote x: its device copy is stale. */
  hostWrote(x: Float32Array): void {
    const e = this.entries.get(x.buffer);
    if (e !== undefined) {
      this.drop(e);
      e.host = true;
    }
  }

  /** Makes x's host values current. */
  download(x: Float32Array): void {
    const e = this.entries.get(x.buffer);
    if (e !== undefined) this.syncHost(x.buffer, e);
  }

  /** The first rows × cols values of x as a device value, for one kernel call. */
  input(x: Float32Array, rows: number, cols: number): DeviceValue {
    const e = this.entryOf(x);
    if (e !== undefined && e.value !== null && e.rows === rows && e.cols === cols) return e.value;
    if (e !== undefined) {
      this.syncHost(x.buffer, e);
      this.drop(e);
      if (e.cols === cols) {
        e.value = this.uploadValue(x, rows, cols);
        e.rows = rows;
        return e.value;
      }
    }
    const v = this.uploadValue(x, rows, cols);
    this.temps.push(v);
    return v;
  }

  /** A kernel wrote `value` (rows × cols) for x. */
  output(x: Float32Array, value: DeviceValue, rows: number, cols: number): void {
    const e = this.entryOf(x);
    if (e !== undefined && e.cols === cols) {
      // Rows beyond this output that live only on the device go to the host first.
      if (e.rows > rows) this.syncHost(x.buffer, e);
      if (e.value !== null && e.value !== value) freeValue(e.value);
      e.value = value;
      e.rows = rows;
      e.host = false;
      return;
    }
    this.readbacks++;
    readValue(value, x, rows, cols);
    freeValue(value);
    if (e !== undefined) this.hostWrote(x);
  }

  /** Reads a kernel's result to a new host array and frees it. */
  read(value: DeviceValue, rows: number, cols: number): Float32Array {
    const out = new Float32Array(rows * cols);
    this.readbacks++;
    readValue(value, out, rows, cols);
    freeValue(value);
    return out;
  }

  /** Frees the uploads made for the call that just ran. */
  endCall(): void {
    for (const v of this.temps) freeValue(v);
    this.temps.length = 0;
  }

  private syncHost(buffer: ArrayBufferLike, e: Entry): void {
    if (e.host || e.value === null) return;
    this.readbacks++;
    readValue(e.value, new Float32Array(buffer, 0, e.rows * e.cols), e.rows, e.cols);
    e.host = true;
  }

  private drop(e: Entry): void {
    if (e.value !== null) freeValue(e.value);
    e.value = null;
  }
}
