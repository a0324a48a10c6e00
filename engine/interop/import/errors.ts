/**
 * Why an imported model is refused, and the limits that keep an untrusted file cheap to reject.
 * The engine throws ImportError; the app and the CLI turn it into their { code, message,
 * details } error without rewording it.
 */

export type ImportErrorCode = 'UNSUPPORTED' | 'BAD_FILE' | 'TOO_LARGE';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Largest model file read (model.json, an ONNX file, a .keras archive). */
export const MAX_MODEL_BYTES = 128 * 1024 * 1024;
/** Largest config.json taken out of a .keras archive. */
export const MAX_KERAS_CONFIG_BYTES = 4 * 1024 * 1024;
/** Most weight values one imported model may hold (64 MB of float32). */
export const MAX_IMPORT_VALUES = 16 * 1024 * 1024;
/** Most layers (canvas nodes) one imported model may have. */
export const MAX_IMPORT_LAYERS = 500;
/** Widest layer (the Dense kind's own limit). */
export const MAX_UNITS = 65536;

/** What Layerlab can import, for the messages that refuse something else. */
export const SUPPORTED_KERAS =
  'Layerlab imports Sequential models of Dense, Activation, ReLU, LeakyReLU, Softmax, Dropout and InputLayer layers';
export const SUPPORTED_ONNX =
  'Layerlab imports feed-forward ONNX models of Gemm, MatMul + Add, Relu, Sigmoid, Tanh, LeakyRelu, Softmax, Identity and Dropout nodes';
export const SUPPORTED_ACTIVATIONS = 'linear, relu, sigmoid, tanh and softmax';

/** Product of a shape's dims, refusing anything that is not a small positive whole number. */
export function shapeSize(shape: readonly unknown[], what: string, file: string): number {
  let n = 1;
  for (const d of shape) {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > MAX_IMPORT_VALUES)
      throw new ImportError(
        'BAD_FILE',
        `${file}: ${what} has the shape [${shape.map(String).join(', ')}]; every dimension must be a whole number from 1 to ${MAX_IMPORT_VALUES}.`,
        { what, shape },
      );
    n *= d;
    if (n > MAX_IMPORT_VALUES)
      throw new ImportError(
        'TOO_LARGE',
        `${file}: ${what} has the shape [${shape.join(', ')}] (${formatValues(shape as number[])}); the limit is ${MAX_IMPORT_VALUES} values (${MAX_IMPORT_VALUES * 4} bytes) per model.`,
        { what, shape, limit: MAX_IMPORT_VALUES },
      );
  }
  return n;
}

function formatValues(shape: readonly number[]): string {
  const n = shape.reduce((a, b) => a * b, 1);
  const bytes = n * 4;
  const size =
    bytes >= 2 ** 30
      ? `${(bytes / 2 ** 30).toFixed(1)} GB`
      : bytes >= 2 ** 20
        ? `${(bytes / 2 ** 20).toFixed(1)} MB`
        : `${bytes} bytes`;
  return `${n} values, ${size} of float32`;
}
