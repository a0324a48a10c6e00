/**
 * Reading ONNX initializers as float32 weights: every tensor's dims are checked before anything
 * is allocated, raw_data must be exactly the bytes its shape needs, and values must be finite.
 * Gemm's transposed B comes back in Layerlab's layout (inputs × units).
 */
import { DT } from '../onnx-proto';
import { ImportError, MAX_UNITS, shapeSize } from './errors';
import { checkFinite, type ImportLayer } from './layers';

export interface Tensor {
  name?: string;
  dims?: number[];
  dataType?: number;
  floatData?: number[];
  doubleData?: number[];
  rawData?: Uint8Array;
}

/** The float32 value nearest a slope stored as float (0.05 comes back as 0.0500000007…). */
export function roundFloat(x: number): number {
  const r = Number(x.toPrecision(7));
  return Math.fround(r) === Math.fround(x) ? r : x;
}

export function values(file: string, at: string, t: Tensor): Float32Array {
  const dims = t.dims ?? [];
  const n = dims.length === 0 ? 1 : shapeSize(dims, `the tensor "${t.name}" of ${at}`, file);
  let out: Float32Array;
  if (t.dataType === DT.FLOAT && t.rawData && t.rawData.length > 0) {
    if (t.rawData.length !== n * 4)
      throw new ImportError(
        'BAD_FILE',
        `${file}: the tensor "${t.name}" of ${at} is [${dims.join(', ')}] (${n * 4} bytes) but holds ${t.rawData.length} bytes.`,
        { tensor: t.name },
      );
    const view = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
    out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = view.getFloat32(i * 4, true);
  } else if (t.dataType === DT.FLOAT || t.dataType === DT.DOUBLE) {
    const data = (t.dataType === DT.FLOAT ? t.floatData : t.doubleData) ?? [];
    if (data.length !== n)
      throw new ImportError(
        'BAD_FILE',
        `${file}: the tensor "${t.name}" of ${at} is [${dims.join(', ')}] (${n} values) but holds ${data.length}.`,
        { tensor: t.name },
      );
    out = Float32Array.from(data);
  } else {
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: the tensor "${t.name}" of ${at} is not float32; Layerlab imports float32 weights.`,
      {
        tensor: t.name,
      },
    );
  }
  return checkFinite(file, `the tensor "${t.name}"`, out);
}

export interface Matrix {
  inputs: number;
  units: number;
  kernel: Float32Array;
}

export function matrix(
  file: string,
  at: string,
  inits: Map<string, Tensor>,
  name: string | undefined,
  transposed: boolean,
): Matrix {
  const t = name ? inits.get(name) : undefined;
  if (!t)
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: the weights of ${at} are not a constant (initializer); Layerlab imports trained weights.`,
    );
  const dims = t.dims ?? [];
  if (dims.length !== 2)
    throw new ImportError(
      'BAD_FILE',
      `${file}: the weights of ${at} are [${dims.join(', ')}]; a Dense layer needs a 2-D matrix.`,
    );
  const raw = values(file, at, t);
  const [r, c] = dims as [number, number];
  const units = transposed ? r : c;
  if (units > MAX_UNITS)
    throw new ImportError(
      'TOO_LARGE',
      `${file}: ${at} has ${units} units; Layerlab's Dense layers have at most ${MAX_UNITS}.`,
    );
  if (!transposed) return { inputs: r, units, kernel: raw };
  const kernel = new Float32Array(raw.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) kernel[j * r + i] = raw[i * c + j]!;
  return { inputs: c, units, kernel };
}

export function vector(
  file: string,
  at: string,
  inits: Map<string, Tensor>,
  name: string,
  units: number,
): Float32Array {
  const t = inits.get(name);
  if (!t)
    throw new ImportError(
      'UNSUPPORTED',
      `${file}: the bias of ${at} is not a constant (initializer).`,
    );
  const v = values(file, at, t);
  if (v.length !== units)
    throw new ImportError(
      'BAD_FILE',
      `${file}: the bias of ${at} has ${v.length} values; the layer has ${units} units.`,
    );
  return v;
}

export function dense(name: string, w: Matrix, bias: Float32Array | null): ImportLayer {
  return {
    type: 'dense',
    name,
    units: w.units,
    useBias: bias !== null,
    initializer: 'glorot_uniform',
    l1: null,
    l2: null,
    kernel: w.kernel,
    bias,
  };
}
