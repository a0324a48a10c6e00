/**
 * check.mjs for the ONNX and TF.js folders: runs the exported model on the rows of
 * reference_predictions.json with onnxruntime-node or @tensorflow/tfjs and compares with
 * Layerlab's outputs. The cell reading below mirrors engine/data/csv/cells.ts and predict.ts.
 */
const CELLS_JS = `const pre = JSON.parse(readFileSync(new URL('preprocessing.json', here), 'utf8'));
const ref = JSON.parse(readFileSync(new URL('reference_predictions.json', here), 'utf8'));
const NUMBER = /^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$/;
const missing = (s) => pre.missingTokens.includes(s.toLowerCase());
function number(s) {
  let t = s;
  if (pre.decimalComma && t.includes(',')) {
    if (t.includes('.')) return NaN;
    t = t.replace(',', '.');
  }
  const v = NUMBER.test(t) ? Number(t) : NaN;
  return Number.isFinite(v) ? v : NaN;
}
const words = { true: 1, yes: 1, t: 1, y: 1, false: 0, no: 0, f: 0, n: 0 };
/** A numeric cell as Layerlab reads it: NaN when missing or not a number. */
function numeric(f, cell) {
  const s = (cell ?? '').trim();
  if (missing(s)) return NaN;
  const v = number(s);
  return v === v || f.kind !== 'boolean' ? v : (words[s.toLowerCase()] ?? NaN);
}
/** A category cell as Layerlab keys it: trimmed, numbers in their shortest form. */
function category(cell) {
  const s = (cell ?? '').trim();
  const v = number(s);
  return v === v ? String(v) : s;
}
let worst = 0;
let labels = 0;
function compare(i, outputs, label) {
  const want = ref.rows[i];
  const t = pre.target;
  if (t.task === 'classification') {
    outputs.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - want.probabilities[j]))));
    if (label !== undefined && label !== want.predicted) labels++;
  } else {
    worst = Math.max(worst, Math.abs(outputs[0] - want.value) / t.std);
  }
}
function finish() {
  const ok = worst <= ref.tolerance && labels === 0;
  console.log(JSON.stringify({ rows: ref.rows.length, maxAbsDiff: worst, labelMismatches: labels, ok }));
  process.exit(ok ? 0 : 1);
}
`;

export const ONNX_CHECK_MJS = `// node check.mjs — needs: npm install onnxruntime-node
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';

const here = new URL('.', import.meta.url);
${CELLS_JS}
const session = await ort.InferenceSession.create(readFileSync(new URL('model.onnx', here)));
const n = ref.rows.length;
const feeds = {};
for (const f of pre.features) {
  const cells = ref.rows.map((r) => r.inputs[f.name]);
  feeds[f.name] = f.categories
    ? new ort.Tensor('string', cells.map(category), [n, 1])
    : new ort.Tensor('float64', Float64Array.from(cells, (c) => numeric(f, c)), [n, 1]);
}
const out = await session.run(feeds);
const main = out.probabilities ?? out.value;
const width = main.dims[1];
for (let i = 0; i < n; i++)
  compare(i, Array.from(main.data.slice(i * width, (i + 1) * width)), out.predicted?.data[i]);
finish();
`;

export const TFJS_CHECK_MJS = `// node check.mjs — needs: npm install @tensorflow/tfjs
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';

const here = new URL('.', import.meta.url);
${CELLS_JS}
/** One raw row → the network's input (preprocessing.json; as Layerlab encodes it). */
function encode(row) {
  const x = [];
  for (const f of pre.features) {
    if (f.categories) {
      const s = (row[f.name] ?? '').trim();
      const key = missing(s) ? f.fill : category(s);
      for (const c of f.categories) x.push(c === key ? 1 : 0);
    } else {
      const v = numeric(f, row[f.name]);
      x.push(((v === v ? v : f.fill) - f.center) / f.scale);
    }
  }
  return x;
}
const json = JSON.parse(readFileSync(new URL('model.json', here), 'utf8'));
const group = json.weightsManifest[0];
const bin = readFileSync(new URL(group.paths[0], here));
const model = await tf.loadLayersModel({
  load: async () => ({
    modelTopology: json.modelTopology,
    weightSpecs: group.weights,
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  }),
});
const x = tf.tensor2d(ref.rows.map((r) => encode(r.inputs)), [ref.rows.length, pre.width]);
const y = await model.predict(x).array();
const t = pre.target;
y.forEach((one, i) => {
  if (t.task === 'regression') return compare(i, [one[0] * t.std + t.mean]);
  // One sigmoid output is P(class 1); Layerlab shows [1 − p, p].
  const row = one.length === 1 ? [1 - one[0], one[0]] : one;
  let k = 0;
  row.forEach((v, j) => (k = v > row[k] ? j : k));
  compare(i, row, t.classes[k]);
});
finish();
`;
