/**
 * A tiny WebAssembly assembler for the CPU backend's hand-written kernels (wasm-gemm.ts,
 * wasm-update.ts): opcode helpers, a module builder whose functions all import one shared
 * memory, and the scratch memory itself. WebAssembly is an ECMAScript-host global (browsers,
 * Node, workers) rather than part of the language, so it is looked up on globalThis.
 */

import { WasmHeap } from './wasm-heap';

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => { exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}

export function wasmApi(): WasmApi | null {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly ?? null;
}

export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
};
export const get = (i: number) => [0x20, ...uleb(i)];
export const set = (i: number) => [0x21, ...uleb(i)];
export const tee = (i: number) => [0x22, ...uleb(i)];
export const i32 = (v: number) => [0x41, ...sleb(v)];
export const ADD = 0x6a;
export const SUB = 0x6b;
export const MUL = 0x6c;
export const SHL = 0x74;
export const GE_U = 0x4f;
export const GE_S = 0x4e;
export const F64_ADD = 0xa0;
export const simd = (op: number) => [0xfd, ...uleb(op)];
export const v128Load = (offset: number) => [...simd(0x00), 0, ...uleb(offset)];
export const v128Store = (offset: number) => [...simd(0x0b), 0, ...uleb(offset)];
export const load32Splat = (offset: number) => [...simd(0x09), 2, ...uleb(offset)];
export const F32X4_SPLAT = simd(0x13);
export const F32X4_SQRT = simd(0xe3);
export const F32X4_ADD = simd(0xe4);
export const F32X4_SUB = simd(0xe5);
export const F32X4_MUL = simd(0xe6);
export const F32X4_DIV = simd(0xe7);
/** relaxed-SIMD f32x4.relaxed_madd(a, b, c) = a·b + c, fused where the hardware has FMA. */
export const F32X4_RELAXED_MADD = simd(0x105);
export const F64X2_ADD = simd(0xf0);
export const F64X2_MUL = simd(0xf2);
export const F64X2_PROMOTE_LOW = simd(0x5f);
export const f64x2Extract = (lane: number) => [...simd(0x21), lane];
/** i8x16.shuffle taking f32 lanes 2, 3 of the first operand into lanes 0, 1. */
export const SHUFFLE_HIGH_PAIR = [
  ...simd(0x0d),
  ...[8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15],
];
export const v128Zero = [...simd(0x0c), ...new Array<number>(16).fill(0)];
export const F32X4_ABS = simd(0xe0);
export const F32X4_LT = simd(0x43);
export const V128_ANDNOT = simd(0x4f);
/** v128.const with x in each f32 lane. */
export const f32x4Const = (x: number): number[] => {
  const lanes = new Uint8Array(new Float32Array([x, x, x, x]).buffer);
  return [...simd(0x0c), ...lanes];
};
export const BLOCK = [0x02, 0x40];
export const LOOP = [0x03, 0x40];
export const END = 0x0b;
export const br = (d: number) => [0x0c, d];
export const brIf = (d: number) => [0x0d, d];

export const T_I32 = 0x7f;
export const T_F32 = 0x7d;
export const T_F64 = 0x7c;
export const T_V128 = 0x7b;

export interface WasmFunction {
  name: string;
  params: number[];
  results: number[];
  /** Extra locals as [count, type] runs. */
  locals: [number, number][];
  code: number[];
}

/** Pages (64 KiB) a shared scratch memory may grow to: 2 GiB, reserved, not committed. */
export const SHARED_MAX_PAGES = 32768;

/**
 * A module of the given functions, each its own type, all importing memory env.mem (declared
 * shared, with SHARED_MAX_PAGES as its maximum, when `shared`).
 */
// prettier-ignore
export function moduleBytes(fns: readonly WasmFunction[], shared = false): Uint8Array {
  const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
  const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content];
  const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
  const types = fns.map((f) => [0x60, ...uleb(f.params.length), ...f.params, ...uleb(f.results.length), ...f.results]);
  const bodies = fns.map((f) => {
    const locals = vec(f.locals.map(([n, t]) => [...uleb(n), t]));
    const body = [...locals, ...f.code, END];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, [1, ...name('env'), ...name('mem'), 0x02,
      ...(shared ? [0x03, 1, ...uleb(SHARED_MAX_PAGES)] : [0x00, 1])]),
    ...section(3, vec(fns.map((_, i) => uleb(i)))),
    ...section(7, vec(fns.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(bodies)),
  ]);
}

/**
 * The scratch block kernels copy operands that are not resident (see wasm-heap.ts) into: one
 * block of the heap, replaced by a larger one when a kernel needs more. Callers read `base` and
 * `f32` after `ensure`, which may move the block or grow the memory.
 */
export class Scratch {
  /** First float of the block. */
  base = 0;
  private block: { off: number; bytes: number } | null = null;

  constructor(readonly heap: WasmHeap) {}

  get memory(): WasmMemory {
    return this.heap.memory;
  }
  get shared(): boolean {
    return this.heap.shared;
  }
  get f32(): Float32Array {
    return this.heap.f32;
  }

  /** Makes floats [base, base + floats) usable; returns the view of the whole memory. */
  ensure(floats: number): Float32Array {
    const bytes = floats * 4;
    if (this.block === null || this.block.bytes < bytes) {
      if (this.block !== null) this.heap.release(this.block);
      // Grown by half again each time, so a growing model does not move it every step.
      this.block = this.heap.reserve(Math.max(bytes, (this.block?.bytes ?? 0) * 1.5, 1 << 20));
      this.base = this.block.off >> 2;
    }
    return this.heap.f32;
  }
}

/** Instantiates module bytes against `memory`, or null where the host rejects them. */
export function instantiateBytes(
  memory: WasmMemory,
  bytes: Uint8Array,
): Record<string, unknown> | null {
  const api = wasmApi();
  if (api === null) return null;
  try {
    if (!api.validate(bytes)) return null;
    return new api.Instance(new api.Module(bytes), { env: { mem: memory } }).exports;
  } catch {
    return null;
  }
}

/** Instantiates the functions against the scratch memory, or null where the host rejects them. */
export function instantiate(
  scratch: Scratch,
  fns: readonly WasmFunction[],
): Record<string, unknown> | null {
  return instantiateBytes(scratch.memory, moduleBytes(fns, scratch.shared));
}

/**
 * A fresh memory (1 MiB to start) with its heap and scratch block: shared where the host has
 * shared memory (then arrays can be resident, and helper threads can run kernels on it), else
 * ordinary; null without WebAssembly. The bottom `base` floats are kept for the helpers'
 * control words.
 */
export function newScratch(base = 0): Scratch | null {
  const api = wasmApi();
  if (api === null) return null;
  for (const shared of [true, false]) {
    try {
      const memory = shared
        ? new api.Memory({ initial: 16, maximum: SHARED_MAX_PAGES, shared: true })
        : new api.Memory({ initial: 16 });
      return new Scratch(new WasmHeap(memory, shared, base * 4));
    } catch {
      // No shared memory here: try an ordinary one.
    }
  }
  return null;
}
