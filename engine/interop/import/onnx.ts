/**
 * ONNX feed-forward models → import layers. The bytes are decoded with the export's own message
 * definitions (onnx-proto.ts), then the graph is checked (no cycle, each tensor made once) and
 * walked from its input along a single chain: Gemm or MatMul (+ Add) with constant weights become
 * Dense, Relu / Sigmoid / Tanh / LeakyRelu activations, Softmax, Dropout; Identity disappears.
 * A model Layerlab exported carries its preprocessing and output decoding as nodes around the
 * network: the walk starts at the first Dense and stops where the network ends.
 */
import { DT, onnxType } from '../onnx-proto';
import { ImportError, MAX_MODEL_BYTES, SUPPORTED_ONNX } from './errors';
import type { ImportLayer } from './layers';
import { dense, matrix, roundFloat, values, vector, type Tensor } from './onnx-tensors';

interface Attribute {
  name?: string;
  f?: number;
  i?: number;
  t?: Tensor;
}
interface OnnxNode {
  input?: string[];
  output?: string[];
  name?: string;
  opType?: string;
  domain?: string;
  attribute?: Attribute[];
}
interface ValueInfo {
  name?: string;
  type?: {
    tensorType?: {
      elemType?: number;
      shape?: { dim?: { dimValue?: number; dimParam?: string }[] };
    };
  };
}
interface Model {
  producerName?: string;
  graph?: {
    name?: string;
    node?: OnnxNode[];
    initializer?: Tensor[];
    input?: ValueInfo[];
    output?: ValueInfo[];
  };
  opsetImport?: { domain?: string; version?: number }[];
  metadataProps?: { key?: string; value?: string }[];
}

export interface OnnxImport {
  name: string | null;
  features: number | null;
  featureNames: string[] | null;
  layers: ImportLayer[];
  notes: string[];
}

function decode(file: string, bytes: Uint8Array): Model {
  if (bytes.length > MAX_MODEL_BYTES)
    throw new ImportError(
      'TOO_LARGE',
      `${file}: the file is ${bytes.length} bytes; the limit is ${MAX_MODEL_BYTES}.`,
    );
  const M = onnxType('ModelProto');
  try {
    const msg = M.decode(bytes);
    return M.toObject(msg, { longs: Number, defaults: false, arrays: false }) as Model;
  } catch (err) {
    throw new ImportError(
      'BAD_FILE',
      `${file}: this is not a readable ONNX model (${(err as Error).message}); is the file truncated?`,
    );
  }
}

const label = (n: OnnxNode, i: number) =>
  `${n.opType ?? '?'} node "${n.name || n.output?.[0] || `#${i + 1}`}"`;

/** The layers of an ONNX model. */
export function onnxImport(file: string, bytes: Uint8Array): OnnxImport {
  const model = decode(file, bytes);
  const g = model.graph;
  if (!g || !g.node || g.node.length === 0)
    throw new ImportError(
      'BAD_FILE',
      `${file}: the ONNX model has no graph (or no nodes); is this an ONNX file?`,
    );
  const nodes = g.node;
  const meta = new Map((model.metadataProps ?? []).map((m) => [m.key ?? '', m.value ?? '']));
  const ours = meta.has('layerlab.preprocessing');
  const inits = new Map<string, Tensor>();
  for (const t of g.initializer ?? []) if (t.name) inits.set(t.name, t);
  const outputs = new Set((g.output ?? []).map((o) => o.name ?? ''));

  // Each tensor is made by one node, and the nodes form no cycle.
  const producer = new Map<string, number>();
  const consumers = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    for (const o of n.output ?? []) {
      if (producer.has(o) || inits.has(o))
        throw new ImportError(
          'BAD_FILE',
          `${file}: the tensor "${o}" is produced twice (by ${label(n, i)} too).`,
          {
            node: n.name,
          },
        );
      producer.set(o, i);
    }
    for (const x of n.input ?? []) if (x) consumers.set(x, [...(consumers.get(x) ?? []), i]);
  });
  checkAcyclic(file, nodes, producer);

  let start: string;
  let features: number | null = null;
  if (ours) {
    const first = nodes.findIndex((n) => n.opType === 'Gemm' || n.opType === 'MatMul');
    if (first < 0)
      throw new ImportError(
        'UNSUPPORTED',
        `${file}: the model has no Gemm or MatMul node to import.`,
      );
    start = nodes[first]!.input?.[0] ?? '';
  } else {
    const real = (g.input ?? []).filter((v) => v.name && !inits.has(v.name));
    if (real.length !== 1)
      throw new ImportError(
        'UNSUPPORTED',
        `${file}: the model has ${real.length} inputs (${real.map((r) => r.name).join(', ')}); Layerlab imports a network with one input of shape [N, features].`,
      );
    const input = real[0]!;
    start = input.name!;
    const t = input.type?.tensorType;
    if (t?.elemType !== undefined && t.elemType !== DT.FLOAT)
      throw new ImportError(
        'UNSUPPORTED',
        `${file}: the input "${start}" is not float32; Layerlab imports float32 networks.`,
      );
    const dims = t?.shape?.dim;
    if (dims && dims.length !== 2)
      throw new ImportError(
        'UNSUPPORTED',
        `${file}: the input "${start}" has ${dims.length} dimensions; Layerlab imports inputs of shape [N, features].`,
      );
    const f = dims?.[1]?.dimValue;
    if (typeof f === 'number' && f > 0) features = f;
  }

  const layers: ImportLayer[] = [];
  const visited = new Set<number>();
  let cur = start;
  for (;;) {
    if (outputs.has(cur)) break;
    const next = (consumers.get(cur) ?? []).filter((i) => !visited.has(i));
    if (next.length !== 1) {
      if (ours && layers.length > 0) break;
      throw new ImportError(
        'UNSUPPORTED',
        next.length === 0
          ? `${file}: the tensor "${cur}" is used by no node and is no output of the model.`
          : `${file}: the tensor "${cur}" feeds ${next.length} nodes (${next.map((i) => label(nodes[i]!, i)).join(', ')}); Layerlab imports a single chain of layers.`,
      );
    }
    const i = next[0]!;
    const n = nodes[i]!;
    const op = n.opType ?? '';
    if (ours && !NETWORK_OPS.has(op) && layers.length > 0) break;
    visited.add(i);
    if ((n.input ?? [])[0] !== cur)
      throw new ImportError(
        'UNSUPPORTED',
        `${file}: ${label(n, i)} takes the data as input ${(n.input ?? []).indexOf(cur) + 1}; Layerlab imports chains where each node takes the data first.`,
        { node: n.name },
      );
    const at = label(n, i);
    const attr = (name: string) => (n.attribute ?? []).find((a) => a.name === name);
    if (n.domain && n.domain !== 'ai.onnx')
      throw new ImportError(
        'UNSUPPORTED',
        `${file}: ${at} is from the "${n.domain}" domain; ${SUPPORTED_ONNX}.`,
        {
          node: n.name,
          op,
        },
      );
    switch (op) {
      case 'Gemm': {
        const a = attr('alpha')?.f ?? 1;
        const b = attr('beta')?.f ?? 1;
        if (a !== 1 || b !== 1 || (attr('transA')?.i ?? 0) !== 0)
          throw new ImportError(
            'UNSUPPORTED',
            `${file}: ${at} has alpha, beta or transA set; Layerlab imports Gemm as y = xW + b.`,
            {
              node: n.name,
            },
          );
        const w = matrix(file, at, inits, n.input?.[1], (attr('transB')?.i ?? 0) !== 0);
        const c = n.input?.[2] ? vector(file, at, inits, n.input[2], w.units) : null;
        layers.push(dense(n.name || n.output?.[0] || `dense ${layers.length + 1}`, w, c));
        break;
      }
      case 'MatMul': {
        const w = matrix(file, at, inits, n.input?.[1], false);
        // A bias is the Add right after, with a constant of one value per unit.
        const out = n.output?.[0] ?? '';
        const after = (consumers.get(out) ?? []).map((k) => [k, nodes[k]!] as const);
        let bias: Float32Array | null = null;
        let end = out;
        if (after.length === 1 && after[0]![1].opType === 'Add' && !outputs.has(out)) {
          const [k, add] = after[0]!;
          const other = (add.input ?? []).find((x) => x !== out);
          if (other && inits.has(other)) {
            bias = vector(file, label(add, k), inits, other, w.units);
            visited.add(k);
            end = add.output?.[0] ?? '';
          }
        }
        layers.push(dense(n.name || out, w, bias));
        cur = end;
        continue;
      }
      case 'Relu':
      case 'Sigmoid':
      case 'Tanh':
        layers.push({
          type: 'activation',
          name: n.name || op,
          fn: op === 'Relu' ? 'relu' : op === 'Sigmoid' ? 'sigmoid' : 'tanh',
          alpha: 0.01,
        });
        break;
      case 'LeakyRelu': {
        const alpha = attr('alpha')?.f ?? 0.01;
        if (!(alpha >= 0 && alpha <= 1))
          throw new ImportError(
            'UNSUPPORTED',
            `${file}: ${at} has the slope ${alpha}; Layerlab's leaky ReLU takes 0 to 1.`,
            { node: n.name },
          );
        layers.push({
          type: 'activation',
          name: n.name || op,
          fn: 'leaky_relu',
          alpha: roundFloat(alpha),
        });
        break;
      }
      case 'Softmax': {
        const axis = attr('axis')?.i ?? -1;
        if (axis !== -1 && axis !== 1)
          throw new ImportError(
            'UNSUPPORTED',
            `${file}: ${at} is over axis ${axis}; Layerlab's Softmax is over the features (axis 1).`,
            { node: n.name },
          );
        layers.push({ type: 'softmax', name: n.name || op });
        break;
      }
      case 'Dropout': {
        const ratioName = n.input?.[1];
        const t = ratioName ? inits.get(ratioName) : undefined;
        const r = t ? values(file, at, t)[0] : (attr('ratio')?.f ?? 0.5);
        const rate = r === undefined ? 0.5 : roundFloat(r);
        if (rate > 0 && rate < 1) layers.push({ type: 'dropout', name: n.name || op, rate });
        break;
      }
      case 'Identity':
        break;
      default:
        throw new ImportError(
          'UNSUPPORTED',
          `${file}: ${at} is not supported; ${SUPPORTED_ONNX}.`,
          { node: n.name, op },
        );
    }
    cur = n.output?.[0] ?? '';
  }
  if (!ours) {
    const left = nodes.map((n, i) => [n, i] as const).filter(([, i]) => !visited.has(i));
    if (left.length > 0)
      throw new ImportError(
        'UNSUPPORTED',
        `${file}: ${label(left[0]![0], left[0]![1])} is not on the chain from the input to the output; Layerlab imports a single chain of layers.`,
        { node: left[0]![0].name },
      );
  }
  let featureNames: string[] | null = null;
  const notes: string[] = [];
  if (ours) {
    featureNames = (g.input ?? []).map((v) => v.name ?? '').filter((s) => s && !inits.has(s));
    notes.push(
      'The preprocessing and output decoding nodes of this Layerlab export were left out: choose a dataset, and its encoding takes their place.',
    );
  }
  return { name: g.name || null, features, featureNames, layers, notes };
}

/** Ops that belong to the network when walking a Layerlab export (the rest is pre/post). */
const NETWORK_OPS = new Set([
  'Gemm',
  'MatMul',
  'Relu',
  'Sigmoid',
  'Tanh',
  'LeakyRelu',
  'Softmax',
  'Dropout',
  'Identity',
]);

function checkAcyclic(file: string, nodes: OnnxNode[], producer: Map<string, number>): void {
  // Iterative depth-first search: 0 unseen, 1 on the stack, 2 done.
  const state = new Uint8Array(nodes.length);
  for (let s = 0; s < nodes.length; s++) {
    if (state[s]) continue;
    const stack: [number, number][] = [[s, 0]];
    state[s] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const ins = nodes[top[0]]!.input ?? [];
      if (top[1] >= ins.length) {
        state[top[0]] = 2;
        stack.pop();
        continue;
      }
      const p = producer.get(ins[top[1]++]!);
      if (p === undefined || state[p] === 2) continue;
      if (state[p] === 1)
        throw new ImportError(
          'BAD_FILE',
          `${file}: the graph has a cycle through ${label(nodes[p]!, p)}; ONNX models (and Layerlab networks) are acyclic.`,
          { node: nodes[p]!.name },
        );
      state[p] = 1;
      stack.push([p, 0]);
    }
  }
}
