/**
 * ONNX export (opset 13, plus ai.onnx.ml 2 for the category lookups): raw cells in, Layerlab's
 * prediction out. One input per feature, named after its column: numbers as double [N, 1] (NaN
 * for a missing cell), categories as string [N, 1] (the trimmed cell). The preprocessing is ONNX
 * nodes: imputation (IsNaN + Where), scaling in double precision then a cast to float (as the
 * encoder computes it), one-hot through a LabelEncoder (unseen → all zeros, missing tokens → the
 * fill category), then the network. Outputs: `probabilities` and `predicted` (the class name) for
 * classification, `value` (double, in the target's units) for regression.
 */
import { MISSING_TOKENS } from '../data/csv/cells';
import type { ExportModel } from './model';
import { AT, DT, onnxType } from './onnx-proto';

export const ONNX_OPSET = 13;
export const ONNX_ML_OPSET = 2;
const OUTPUT_NAMES = ['probabilities', 'predicted', 'value'];

interface Attr {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  ints?: number[];
  strings?: Uint8Array[];
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Every spelling of the missing-value tokens an ONNX string comparison would need. */
export function missingSpellings(): string[] {
  const out = new Set<string>();
  for (const t of MISSING_TOKENS) {
    const letters = [...t];
    const n = letters.filter((c) => c.toLowerCase() !== c.toUpperCase()).length;
    for (let m = 0; m < 1 << n; m++) {
      let bit = 0;
      out.add(
        letters
          .map((c) => {
            if (c.toLowerCase() === c.toUpperCase()) return c;
            return m & (1 << bit++) ? c.toUpperCase() : c;
          })
          .join(''),
      );
    }
  }
  return [...out];
}

class GraphBuilder {
  nodes: object[] = [];
  initializers: object[] = [];
  private used = new Set<string>();
  private n = 0;

  constructor(reserved: string[]) {
    for (const r of reserved) this.used.add(r);
  }

  /** A fresh internal tensor name (never one of the feature inputs). */
  name(hint: string): string {
    let s = `ll.${hint}`;
    while (this.used.has(s)) s = `ll.${hint}.${++this.n}`;
    this.used.add(s);
    return s;
  }

  node(op: string, inputs: string[], hint: string, attrs: Attr[] = [], domain = ''): string {
    const out = this.name(hint);
    this.nodes.push({
      opType: op,
      input: inputs,
      output: [out],
      name: out,
      attribute: attrs,
      domain,
    });
    return out;
  }

  floats(hint: string, dims: number[], data: Float32Array): string {
    const name = this.name(hint);
    const raw = new Uint8Array(
      data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
    );
    this.initializers.push({ name, dims, dataType: DT.FLOAT, rawData: littleEndian(raw, 4) });
    return name;
  }

  doubles(hint: string, dims: number[], data: number[]): string {
    const name = this.name(hint);
    this.initializers.push({ name, dims, dataType: DT.DOUBLE, doubleData: data });
    return name;
  }

  int64s(hint: string, dims: number[], data: number[]): string {
    const name = this.name(hint);
    this.initializers.push({ name, dims, dataType: DT.INT64, int64Data: data });
    return name;
  }
}

/** Float bytes as little-endian (the byte order ONNX raw_data uses). */
function littleEndian(bytes: Uint8Array, size: number): Uint8Array {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return bytes;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += size)
    for (let k = 0; k < size; k++) out[i + k] = bytes[i + size - 1 - k]!;
  return out;
}

const tensorInfo = (name: string, elemType: number, dims: (number | string)[]) => ({
  name,
  type: {
    tensorType: {
      elemType,
      shape: {
        dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
      },
    },
  },
});

/** The model as ONNX bytes. */
export function onnxModel(model: ExportModel, producerVersion: string): Uint8Array {
  const pre = model.preprocessing;
  const taken = pre.features.find((f) => OUTPUT_NAMES.includes(f.name));
  if (taken)
    throw new RangeError(
      `the feature "${taken.name}" has the name of an ONNX output (${OUTPUT_NAMES.join(', ')}); rename the column to export to ONNX`,
    );
  const g = new GraphBuilder([...pre.features.map((f) => f.name), ...OUTPUT_NAMES]);
  const inputs: object[] = [];
  const columns: string[] = [];
  const spellings = missingSpellings();
  for (const f of pre.features) {
    if (f.categories) {
      inputs.push(tensorInfo(f.name, DT.STRING, ['N', 1]));
      const fillIndex = f.categories.indexOf(String(f.fill));
      const keys = [...f.categories, ...spellings];
      const values = [...f.categories.map((_, i) => i), ...spellings.map(() => fillIndex)];
      const idx = g.node(
        'LabelEncoder',
        [f.name],
        `${f.name}.index`,
        [
          { name: 'keys_strings', type: AT.STRINGS, strings: keys.map(utf8) },
          { name: 'values_int64s', type: AT.INTS, ints: values },
          { name: 'default_int64', type: AT.INT, i: -1 },
        ],
        'ai.onnx.ml',
      );
      const range = g.int64s(
        `${f.name}.categories`,
        [1, f.categories.length],
        f.categories.map((_, i) => i),
      );
      const hot = g.node('Equal', [idx, range], `${f.name}.onehot`);
      columns.push(
        g.node('Cast', [hot], `${f.name}.encoded`, [{ name: 'to', type: AT.INT, i: DT.FLOAT }]),
      );
    } else {
      inputs.push(tensorInfo(f.name, DT.DOUBLE, ['N', 1]));
      const nan = g.node('IsNaN', [f.name], `${f.name}.missing`);
      const fill = g.doubles(`${f.name}.fill`, [], [Number(f.fill)]);
      const filled = g.node('Where', [nan, fill, f.name], `${f.name}.filled`);
      const centered = g.node(
        'Sub',
        [filled, g.doubles(`${f.name}.center`, [], [f.center])],
        `${f.name}.centered`,
      );
      const scaled = g.node(
        'Div',
        [centered, g.doubles(`${f.name}.scale`, [], [f.scale])],
        `${f.name}.scaled`,
      );
      columns.push(
        g.node('Cast', [scaled], `${f.name}.encoded`, [{ name: 'to', type: AT.INT, i: DT.FLOAT }]),
      );
    }
  }
  let x =
    columns.length === 1
      ? columns[0]!
      : g.node('Concat', columns, 'features', [{ name: 'axis', type: AT.INT, i: 1 }]);
  let d = 0;
  for (const l of model.layers) {
    if (l.type === 'dropout') continue; // an identity at inference
    if (l.type === 'dense') {
      d++;
      const w = g.floats(`dense${d}.W`, [l.inputs, l.units], l.kernel);
      x = l.bias
        ? g.node('Gemm', [x, w, g.floats(`dense${d}.b`, [l.units], l.bias)], `dense${d}`)
        : g.node('MatMul', [x, w], `dense${d}`);
    }
    const fn = l.type === 'dense' ? l.activation : l.fn;
    x = activation(g, x, fn, l.alpha, `act${g.nodes.length}`);
  }
  const outputs: object[] = [];
  const t = pre.target;
  if (t.task === 'classification') {
    let p: string;
    if (model.head === 'softmax') {
      p = g.node('Softmax', [x], 'probabilities', [{ name: 'axis', type: AT.INT, i: 1 }]);
    } else if (model.outputs === 1) {
      // One sigmoid output is P(class 1); Layerlab shows [1 − p, p].
      const s = g.node('Sigmoid', [x], 'p1');
      const one = g.floats('one', [], Float32Array.of(1));
      p = g.node('Concat', [g.node('Sub', [one, s], 'p0'), s], 'probabilities', [
        { name: 'axis', type: AT.INT, i: 1 },
      ]);
    } else {
      p = g.node('Sigmoid', [x], 'probabilities');
    }
    const probs = g.node('Identity', [p], 'out');
    rename(g, probs, 'probabilities');
    const arg = g.node('ArgMax', ['probabilities'], 'argmax', [
      { name: 'axis', type: AT.INT, i: 1 },
      { name: 'keepdims', type: AT.INT, i: 0 },
    ]);
    const label = g.node(
      'LabelEncoder',
      [arg],
      'label',
      [
        { name: 'keys_int64s', type: AT.INTS, ints: t.classes.map((_, i) => i) },
        { name: 'values_strings', type: AT.STRINGS, strings: t.classes.map(utf8) },
        { name: 'default_string', type: AT.STRING, s: utf8('') },
      ],
      'ai.onnx.ml',
    );
    rename(g, label, 'predicted');
    const width = model.head === 'sigmoid' && model.outputs === 1 ? 2 : model.outputs;
    outputs.push(tensorInfo('probabilities', DT.FLOAT, ['N', width]));
    outputs.push(tensorInfo('predicted', DT.STRING, ['N']));
  } else {
    const wide = g.node('Cast', [x], 'output.double', [{ name: 'to', type: AT.INT, i: DT.DOUBLE }]);
    const times = g.node('Mul', [wide, g.doubles('target.std', [], [t.std])], 'output.times');
    const value = g.node('Add', [times, g.doubles('target.mean', [], [t.mean])], 'value');
    rename(g, value, 'value');
    outputs.push(tensorInfo('value', DT.DOUBLE, ['N', model.outputs]));
  }
  const M = onnxType('ModelProto');
  const msg = M.fromObject({
    irVersion: 7,
    producerName: 'Layerlab',
    producerVersion,
    modelVersion: 1,
    docString: `${model.name}: raw feature columns in, Layerlab's prediction out (see README.md).`,
    opsetImport: [
      { domain: '', version: ONNX_OPSET },
      { domain: 'ai.onnx.ml', version: ONNX_ML_OPSET },
    ],
    metadataProps: [
      { key: 'layerlab.task', value: t.task },
      { key: 'layerlab.target', value: t.name },
      ...(t.task === 'classification'
        ? [{ key: 'layerlab.classes', value: JSON.stringify(t.classes) }]
        : []),
      // The whole preprocessing, so a reader of the file alone knows every input's treatment.
      { key: 'layerlab.preprocessing', value: JSON.stringify(pre) },
    ],
    graph: {
      name: model.name,
      node: g.nodes,
      initializer: g.initializers,
      input: inputs,
      output: outputs,
    },
  });
  return M.encode(msg).finish();
}

function activation(g: GraphBuilder, x: string, fn: string, alpha: number, hint: string): string {
  switch (fn) {
    case 'relu':
      return g.node('Relu', [x], hint);
    case 'sigmoid':
      return g.node('Sigmoid', [x], hint);
    case 'tanh':
      return g.node('Tanh', [x], hint);
    case 'leaky_relu':
      return g.node('LeakyRelu', [x], hint, [{ name: 'alpha', type: AT.FLOAT, f: alpha }]);
    default:
      return x;
  }
}

/** Gives the last node producing `from` the graph-output name `to`. */
function rename(g: GraphBuilder, from: string, to: string): void {
  for (const n of g.nodes as { output: string[]; input: string[] }[]) {
    n.output = n.output.map((o) => (o === from ? to : o));
    n.input = n.input.map((i) => (i === from ? to : i));
  }
}
