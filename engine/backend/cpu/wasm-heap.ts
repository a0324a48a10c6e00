/**
 * The CPU backend's WebAssembly memory as a heap: blocks handed out as Float32Arrays, so that a
 * model's weights, gradients, activations and optimizer state live *in* the memory the kernels
 * run on and a kernel on them needs no copy in or out.
 *
 * Only a shared memory can do this: growing a shared memory keeps every view valid, where growing
 * an ordinary one detaches its buffer (and every Float32Array on it). Without shared memory the
 * heap still serves the kernels' scratch block, and `alloc` returns ordinary arrays.
 *
 * Blocks are 64-byte aligned (a cache line, and whole f32x4 vectors: a kernel may run over the
 * padding up to the next multiple of four floats of a block without touching another block) and
 * are freed when their Float32Array is garbage-collected (FinalizationRegistry). A view made
 * with `subarray` does not keep the block alive: keep the array `alloc` returned as long as a
 * view of it is used (the layers keep it in their RowBuffer).
 */
import type { WasmMemory } from './wasm-asm';

const ALIGN = 64;
const PAGE = 65536;

interface Block {
  off: number;
  bytes: number;
}

export class WasmHeap {
  /** A view of the whole memory (renewed when it grows). */
  f32: Float32Array;
  /** Bytes the memory has now. */
  size: number;
  /** The buffers views have been made on (one per growth of a shared memory). */
  private readonly buffers = new WeakSet<object>();
  private top: number;
  /** Free blocks below `top`, by address, never adjacent (merged when freed). */
  private readonly free: Block[] = [];
  private readonly registry: FinalizationRegistry<Block> | null;

  /**
   * @param shared whether `memory` is a shared memory (only then `alloc` hands out views)
   * @param base bytes at the bottom kept for the helpers' control words
   */
  constructor(
    readonly memory: WasmMemory,
    readonly shared: boolean,
    readonly base: number,
  ) {
    this.top = Math.ceil(base / ALIGN) * ALIGN;
    this.f32 = new Float32Array(memory.buffer);
    this.size = memory.buffer.byteLength;
    this.buffers.add(memory.buffer);
    const FR = (globalThis as { FinalizationRegistry?: typeof FinalizationRegistry })
      .FinalizationRegistry;
    this.registry = shared && FR !== undefined ? new FR<Block>((b) => this.release(b)) : null;
  }

  /** Whether `alloc` returns views of the memory. */
  get resident(): boolean {
    return this.registry !== null;
  }

  /**
   * A zero-filled array of n floats in the memory (freed when it is garbage-collected), or an
   * ordinary array where the memory cannot hold resident arrays.
   */
  alloc(n: number): Float32Array {
    if (this.registry === null) return new Float32Array(n);
    const block = this.reserve(n * 4);
    const x = new Float32Array(this.memory.buffer, block.off, n);
    this.buffers.add(x.buffer);
    this.registry.register(x, block);
    return x;
  }

  /** The byte address of x in the memory, or −1 when x is not a view of it. */
  addressOf(x: Float32Array): number {
    return this.buffers.has(x.buffer) ? x.byteOffset : -1;
  }

  /** A zero-filled block of at least `bytes` (whole cache lines), growing the memory if needed. */
  reserve(bytes: number): Block {
    const size = Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
    let block: Block | null = null;
    for (let i = 0; i < this.free.length; i++) {
      const f = this.free[i]!;
      if (f.bytes < size) continue;
      block = { off: f.off, bytes: size };
      if (f.bytes === size) this.free.splice(i, 1);
      else this.free[i] = { off: f.off + size, bytes: f.bytes - size };
      break;
    }
    if (block === null) {
      block = { off: this.top, bytes: size };
      this.top += size;
      this.ensure(this.top);
    }
    // Freed blocks (and the top, once freed) hold old values.
    this.f32.fill(0, block.off >> 2, (block.off + size) >> 2);
    return block;
  }

  /** Returns a block to the heap (its memory is zeroed when handed out again). */
  release(block: Block): void {
    let { off, bytes } = block;
    let i = 0;
    while (i < this.free.length && this.free[i]!.off < off) i++;
    const prev = this.free[i - 1];
    if (prev !== undefined && prev.off + prev.bytes === off) {
      off = prev.off;
      bytes += prev.bytes;
      this.free.splice(--i, 1);
    }
    const next = this.free[i];
    if (next !== undefined && off + bytes === next.off) {
      bytes += next.bytes;
      this.free.splice(i, 1);
    }
    if (off + bytes === this.top) {
      this.top = off;
      return;
    }
    this.free.splice(i, 0, { off, bytes });
  }

  /** Makes bytes [0, end) addressable (shared memories keep old views valid when they grow). */
  ensure(end: number): void {
    if (end <= this.size) return;
    this.memory.grow(Math.ceil((end - this.size) / PAGE));
    const buffer = this.memory.buffer;
    this.buffers.add(buffer);
    this.f32 = new Float32Array(buffer);
    this.size = buffer.byteLength;
  }
}
