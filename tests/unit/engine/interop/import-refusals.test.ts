/**
 * Hostile or unsupported model files: each is refused with one clear message naming the layer,
 * node or tensor, before anything large is allocated.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportError, importModel, type InflateRaw } from '../../../../engine/interop/import';
import { onnxBytes, shapeOf } from './import-helpers';

const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const inflateRaw: InflateRaw = (d, max) => inflateRawSync(d, { maxOutputLength: max });

function refusal(f: () => unknown): ImportError {
  try {
    f();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('the import was not refused');
}

const dense = (name: string, units: number, extra: object = {}) => ({
  class_name: 'Dense',
  config: { name, units, activation: 'linear', use_bias: true, ...extra },
});
const modelJson = (layers: object[], weights: object[] = [], paths = ['w.bin']) => ({
  format: 'layers-model',
  modelTopology: { class_name: 'Sequential', config: { name: 'm', layers } },
  weightsManifest: [{ paths, weights }],
});
const f32 = (n: number) => new Uint8Array(n * 4);

describe('importing an unsupported or hostile model', () => {
  it('refuses a Conv layer, naming it and what Layerlab supports', () => {
    const e = refusal(() =>
      importModel({
        name: 'model.json',
        bytes: enc(
          modelJson([
            { class_name: 'Conv2D', config: { name: 'conv2d_1', filters: 8, kernel_size: [3, 3] } },
            dense('dense_1', 2),
          ]),
        ),
        sidecars: new Map([['w.bin', f32(0)]]),
      }),
    );
    expect(e.code).toBe('UNSUPPORTED');
    expect(e.message).toMatch(
      /layer "conv2d_1" is a Conv2D layer; Layerlab imports Sequential models of Dense/,
    );
  });

  it('refuses an ONNX Conv node, naming the node', () => {
    const bytes = onnxBytes(
      [{ op: 'Conv', inputs: ['x', 'w'], output: 'conv_out' }],
      [{ name: 'w', dims: [1, 1, 1, 1], data: [1] }],
      4,
      'conv_out',
    );
    const e = refusal(() => importModel({ name: 'm.onnx', bytes }));
    expect(e.message).toMatch(
      /Conv node "conv_out" is not supported; Layerlab imports feed-forward ONNX models of Gemm/,
    );
  });

  it('refuses an ONNX graph with a cycle', () => {
    const bytes = onnxBytes(
      [
        { op: 'Add', inputs: ['x', 'b'], output: 'a' },
        { op: 'Relu', inputs: ['a'], output: 'b' },
      ],
      [],
      2,
      'b',
    );
    const e = refusal(() => importModel({ name: 'm.onnx', bytes }));
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(/the graph has a cycle through (Add|Relu) node/);
  });

  it('refuses a 2 GB weight shape without allocating it', () => {
    const e = refusal(() =>
      importModel({
        name: 'model.json',
        bytes: enc(
          modelJson(
            [dense('dense_1', 8192, { batch_input_shape: [null, 65536] })],
            [{ name: 'dense_1/kernel', shape: [65536, 8192], dtype: 'float32' }],
          ),
        ),
        sidecars: new Map([['w.bin', f32(4)]]),
      }),
    );
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(
      /weight "dense_1\/kernel" has the shape \[65536, 8192\] \(536870912 values, 2\.0 GB of float32\)/,
    );
  });

  it('refuses an ONNX initializer claiming 2 GB', () => {
    const bytes = onnxBytes(
      [{ op: 'MatMul', inputs: ['x', 'w'], output: 'y' }],
      [{ name: 'w', dims: [65536, 8192], data: [] }],
      65536,
      'y',
    );
    const e = refusal(() => importModel({ name: 'm.onnx', bytes }));
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/the tensor "w" of MatMul node "y" has the shape \[65536, 8192\]/);
  });

  it('refuses a truncated ONNX file', () => {
    const bytes = onnxBytes(
      [{ op: 'Gemm', inputs: ['x', 'w', 'b'], output: 'y' }],
      [
        { name: 'w', dims: [2, 1], data: [1, 2] },
        { name: 'b', dims: [1], data: [0] },
      ],
      2,
      'y',
    );
    expect(() => importModel({ name: 'm.onnx', bytes })).not.toThrow();
    const e = refusal(() =>
      importModel({ name: 'm.onnx', bytes: bytes.subarray(0, bytes.length - 9) }),
    );
    expect(e.code).toBe('BAD_FILE');
    expect(e.message).toMatch(
      /m\.onnx: this is not a readable ONNX model .*is the file truncated\?/,
    );
  });

  it('refuses weight shards shorter than the manifest', () => {
    const json = modelJson(
      [dense('dense_1', 3, { batch_input_shape: [null, 2] })],
      [
        { name: 'dense_1/kernel', shape: [2, 3], dtype: 'float32' },
        { name: 'dense_1/bias', shape: [3], dtype: 'float32' },
      ],
    );
    const e = refusal(() =>
      importModel({ name: 'model.json', bytes: enc(json), sidecars: new Map([['w.bin', f32(8)]]) }),
    );
    expect(e.message).toMatch(
      /the manifest lists 36 bytes of weights in w\.bin, the files hold 32 bytes/,
    );
  });

  it('refuses a kernel whose shape does not fit the layer', () => {
    const json = modelJson(
      [dense('dense_1', 3, { batch_input_shape: [null, 4] })],
      [
        { name: 'dense_1/kernel', shape: [2, 3], dtype: 'float32' },
        { name: 'dense_1/bias', shape: [3], dtype: 'float32' },
      ],
    );
    const e = refusal(() =>
      importModel({ name: 'model.json', bytes: enc(json), sidecars: new Map([['w.bin', f32(9)]]) }),
    );
    expect(e.message).toMatch(
      /Dense layer "dense_1" gets 4 inputs and has 3 units, so its kernel needs 12 values; the file has 6/,
    );
  });

  it('refuses a shard path that leaves the model folder', () => {
    const e = refusal(() =>
      importModel({
        name: 'model.json',
        bytes: enc(modelJson([dense('d', 1)], [], ['../secret.bin'])),
      }),
    );
    expect(e.message).toMatch(
      /weightsManifest\.0\.paths\.0: must be a plain file name next to model\.json/,
    );
  });

  it('refuses an activation Layerlab does not have', () => {
    const e = refusal(() =>
      importModel({
        name: 'model.json',
        bytes: enc({
          modelTopology: {
            class_name: 'Sequential',
            config: [dense('d', 2, { activation: 'elu' })],
          },
        }),
      }),
    );
    expect(e.message).toMatch(
      /layer "d" uses the activation "elu"; Layerlab supports linear, relu/,
    );
  });
});

/** A one-entry zip archive; `declared` overrides the uncompressed size the directory states. */
function zip(name: string, content: Uint8Array, declared = content.length): Uint8Array {
  const data = deflateRawSync(content);
  const n = new TextEncoder().encode(name);
  const local = new Uint8Array(30 + n.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, data.length, true);
  lv.setUint32(22, declared, true);
  lv.setUint16(26, n.length, true);
  local.set(n, 30);
  const central = new Uint8Array(46 + n.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, data.length, true);
  cv.setUint32(24, declared, true);
  cv.setUint16(28, n.length, true);
  cv.setUint32(42, 0, true);
  central.set(n, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const out = new Uint8Array(local.length + data.length + central.length + end.length);
  let o = 0;
  for (const p of [local, data, central, end]) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('a .keras archive', () => {
  const config = {
    module: 'keras',
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        {
          module: 'keras.layers',
          class_name: 'InputLayer',
          config: { batch_shape: [null, 4], name: 'input_layer' },
        },
        dense('dense', 8, { activation: 'relu' }),
        dense('dense_1', 1, { activation: 'sigmoid' }),
      ],
    },
  };

  it('imports the network from its config.json', () => {
    const m = importModel({ name: 'm.keras', bytes: zip('config.json', enc(config)), inflateRaw });
    expect(shapeOf(m.graph)).toEqual(['input', 'dense:8', 'relu', 'dense:1', 'sigmoid', 'output']);
    expect(m.summary).toMatchObject({ format: 'keras', features: 4, hasWeights: false });
    expect(m.weights).toBeNull();
  });

  it('refuses a config.json that would inflate past the limit (a zip bomb)', () => {
    const bomb = new Uint8Array(50 * 1024 * 1024).fill(32);
    const e = refusal(() =>
      importModel({ name: 'bomb.keras', bytes: zip('config.json', bomb), inflateRaw }),
    );
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(
      /"config\.json" in the archive would be 52428800 bytes; the limit is 4194304/,
    );
  });

  it('refuses an entry that lies about its size and inflates past the limit', () => {
    const bomb = new Uint8Array(50 * 1024 * 1024).fill(32);
    const e = refusal(() =>
      importModel({ name: 'bomb.keras', bytes: zip('config.json', bomb, 100), inflateRaw }),
    );
    expect(e.code).toBe('TOO_LARGE');
    expect(e.message).toMatch(/"config\.json" does not decompress within 4194304 bytes/);
  });
});
