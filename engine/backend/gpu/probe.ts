/**
 * Which gpu.js kernel class really runs, and on what. gpu.js picks the first class that works
 * (HeadlessGL, WebGL2, WebGL, then WebAssembly) without saying so; only the GL classes run on a
 * GPU (or on a software rasteriser posing as one: the renderer string tells).
 */
import {
  CPUKernel,
  HeadlessGLKernel,
  WebAssemblyKernel,
  WebGL2Kernel,
  WebGLKernel,
  type IKernelRunShortcut,
} from 'gpu.js';

export type KernelClass =
  | 'HeadlessGLKernel'
  | 'WebGL2Kernel'
  | 'WebGLKernel'
  | 'WebAssemblyKernel'
  | 'CPUKernel'
  | 'unknown';

export interface GpuInfo {
  kernel: KernelClass;
  /** Whether the kernels run through a GL context (a GPU or a software GL renderer). */
  gl: boolean;
  /** GL_RENDERER and GL_VERSION (unmasked where the context allows), or a note for non-GL classes. */
  renderer: string;
}

// Subclasses first: HeadlessGLKernel extends WebGLKernel.
const CLASSES = [
  ['HeadlessGLKernel', HeadlessGLKernel],
  ['WebGL2Kernel', WebGL2Kernel],
  ['WebGLKernel', WebGLKernel],
  ['WebAssemblyKernel', WebAssemblyKernel],
  ['CPUKernel', CPUKernel],
] as const;

interface GlLike {
  RENDERER: number;
  VERSION: number;
  getParameter(p: number): unknown;
  getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
}

/** The class and renderer of a kernel that has run at least once. */
export function identifyKernel(k: IKernelRunShortcut): GpuInfo {
  const impl: unknown = k.kernel;
  const kernel = CLASSES.find(([, C]) => impl instanceof C)?.[0] ?? 'unknown';
  const gl = kernel === 'HeadlessGLKernel' || kernel === 'WebGL2Kernel' || kernel === 'WebGLKernel';
  if (!gl) {
    return {
      kernel,
      gl,
      renderer: kernel === 'WebAssemblyKernel' ? 'WebAssembly on the CPU' : 'JavaScript on the CPU',
    };
  }
  const ctx = (impl as { context?: GlLike }).context;
  let renderer = 'unknown GL renderer';
  if (ctx) {
    const debug = ctx.getExtension('WEBGL_debug_renderer_info');
    const name = debug ? ctx.getParameter(debug.UNMASKED_RENDERER_WEBGL) : null;
    renderer = `${String(name ?? ctx.getParameter(ctx.RENDERER))} (${String(ctx.getParameter(ctx.VERSION))})`;
  }
  return { kernel, gl, renderer };
}
