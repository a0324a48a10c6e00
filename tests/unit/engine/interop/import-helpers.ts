/** Shared pieces of the import tests: running an imported model, and files made by hand. */
import { matOf } from '../../../../engine/backend/backend';
import type { Graph } from '../../../../engine/graph/document';
import { checkWeights } from '../../../../engine/graph/project/weights';
import type { ImportedModel } from '../../../../engine/interop/import';
import { onnxType } from '../../../../engine/interop/onnx-proto';
import { Trainer } from '../../../../engine/train/trainer';

/** What the imported model outputs for encoded rows (probabilities after a Softmax). */
export function predictImported(m: ImportedModel, x: Float32Array, rows: number): number[][] {
  if (!m.weights) throw new Error('the import has no weights');
  const w = checkWeights(m.graph, m.weights);
  if (!w.ok) throw new Error(w.message);
  const trainer = new Trainer(w.spec, { seed: 0, maxBatch: rows });
  trainer.network.setWeights(w.arrays);
  const y = trainer.predict(matOf(rows, w.spec.inputs, x));
  const width = y.data.length / rows;
  return Array.from({ length: rows }, (_, i) =>
    Array.from(y.data.subarray(i * width, (i + 1) * width)),
  );
}

/** The graph as kinds with their key parameters, Input → Output. */
export function shapeOf(g: Graph, { dropout = true } = {}): string[] {
  const out: string[] = [];
  for (const n of g.nodes) {
    if (n.kind === 'dense') out.push(`dense:${n.params.units}${n.params.useBias ? '' : ':nobias'}`);
    else if (n.kind === 'activation')
      out.push(n.params.fn === 'leaky_relu' ? `leaky_relu:${n.params.alpha}` : n.params.fn);
    else if (n.kind === 'dropout') {
      if (dropout) out.push(`dropout:${n.params.rate}`);
    } else out.push(n.kind);
  }
  return out;
}

export function maxDiff(a: number[][], b: number[][]): number {
  let m = 0;
  a.forEach((row, i) => row.forEach((v, j) => (m = Math.max(m, Math.abs(v - b[i]![j]!)))));
  return m;
}

const floats = (name: string, dims: number[], data: number[]) => ({
  name,
  dims,
  dataType: 1,
  floatData: data,
});

/** A small ONNX model from nodes and float initializers, with one input x [N, inputs]. */
export function onnxBytes(
  nodes: { op: string; inputs: string[]; output: string; attrs?: object[] }[],
  inits: { name: string; dims: number[]; data: number[] }[],
  inputs: number,
  output: string,
): Uint8Array {
  const M = onnxType('ModelProto');
  const info = (name: string, dims: (number | string)[]) => ({
    name,
    type: {
      tensorType: {
        elemType: 1,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  });
  return M.encode(
    M.fromObject({
      irVersion: 7,
      producerName: 'test',
      opsetImport: [{ domain: '', version: 13 }],
      graph: {
        name: 'g',
        node: nodes.map((n) => ({
          opType: n.op,
          input: n.inputs,
          output: [n.output],
          name: n.output,
          attribute: n.attrs ?? [],
        })),
        initializer: inits.map((t) => floats(t.name, t.dims, t.data)),
        input: [info('x', ['N', inputs])],
        output: [info(output, ['N', 1])],
      },
    }),
  ).finish();
}
