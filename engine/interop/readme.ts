/** The short README of each export folder. */
import type { ExportModel } from './model';

type Format = 'onnx' | 'tfjs' | 'pytorch' | 'keras';

function inputsTable(model: ExportModel): string {
  return model.preprocessing.features
    .map((f) =>
      f.categories
        ? `| \`${f.name}\` | category (string) | ${f.categories.length} categories; missing → "${f.fill}"; unseen → none |`
        : `| \`${f.name}\` | ${f.kind} (number) | missing → ${Number(Number(f.fill).toPrecision(6))}; (x − ${Number(f.center.toPrecision(6))}) / ${Number(f.scale.toPrecision(6))} |`,
    )
    .join('\n');
}

function outputText(model: ExportModel): string {
  const t = model.preprocessing.target;
  return t.task === 'classification'
    ? `Classification of \`${t.name}\` into ${t.classes.map((c) => `"${c}"`).join(', ')}.`
    : `Regression of \`${t.name}\` (the network predicts (value − ${Number(t.mean.toPrecision(6))}) / ${Number(t.std.toPrecision(6))}).`;
}

const BODY: Record<Format, (m: ExportModel, o: { opset: number; ml: number }) => string> = {
  onnx: (
    m,
    o,
  ) => `\`model.onnx\` (ONNX opset ${o.opset}, ai.onnx.ml ${o.ml}) takes the raw columns and gives
Layerlab's prediction: the preprocessing (imputation, one-hot, scaling${m.preprocessing.target.task === 'regression' ? ", the target's un-scaling" : ''}) is part of the graph.

- Inputs, one per feature, shape [N, 1]: numbers as **double** (NaN for a missing cell; a
  boolean column as 1 / 0), categories as **string** (the cell trimmed; numbers in their shortest
  form, "1.50" → "1.5"). A missing-value token (${m.preprocessing.missingTokens.map((t) => `"${t}"`).join(', ')}) takes the fill category.
- Outputs: ${m.preprocessing.target.task === 'classification' ? '`probabilities` (float [N, classes]) and `predicted` (string [N], the class name)' : "`value` (double [N, 1], in the target's units)"}.

Check: \`npm install onnxruntime-node && node check.mjs\`; validate with
\`python3 -c "import onnx; onnx.checker.check_model(onnx.load('model.onnx'))"\`.`,
  tfjs: () => `\`model.json\` + \`group1-shard1of1.bin\`: a TF.js Layers model (\`tf.loadLayersModel\`). It takes the
encoded features (\`preprocessing.json\`: order, fill values, categories, scaling) and outputs what
Layerlab shows (probabilities, or the regression value in training scale: multiply by the
target's std and add its mean). Dropout layers are identities at inference.

Check: \`npm install @tensorflow/tfjs && node check.mjs\`.`,
  pytorch:
    () => `\`train_torch.py\` rebuilds the network in plain PyTorch, reads a CSV with Layerlab's preprocessing
(\`layerlab_data.py\`, \`preprocessing.json\`) and either predicts with Layerlab's weights
(\`weights.json\` + \`weights.bin\`) or retrains with the same settings on \`data.csv\` and its
train / validation / test rows (\`splits.json\`).

    python3 train_torch.py predict --csv my_rows.csv
    python3 train_torch.py train
    torchrun --nproc_per_node=4 train_torch.py train     # DistributedDataParallel

Check: \`python3 check_parity.py\` (Layerlab's weights give Layerlab's predictions).`,
  keras:
    () => `\`train_keras.py\` rebuilds the network as a Keras 3 Sequential (the same layers as a TF.js
export's model.json), reads a CSV with Layerlab's preprocessing (\`layerlab_data.py\`,
\`preprocessing.json\`) and either predicts with Layerlab's weights (\`weights.json\` +
\`weights.bin\`) or retrains with the same settings on \`data.csv\` and \`splits.json\`.

    python3 train_keras.py predict --csv my_rows.csv
    python3 train_keras.py train

Check: \`python3 check_parity.py\` (needs keras >= 3 and a backend).`,
};

export function readmeFor(
  format: Format,
  model: ExportModel,
  opset: { opset: number; ml: number },
): string {
  return `# ${model.name} — exported from Layerlab

${outputText(model)}

${BODY[format](model, opset)}

## Preprocessing (preprocessing.json)

| column | kind | Layerlab's treatment |
|---|---|---|
${inputsTable(model)}

\`reference_predictions.json\` holds ${'20'} raw rows and Layerlab's outputs for them; the check
passes when every output is within its \`tolerance\` (regression in training scale).
`;
}
