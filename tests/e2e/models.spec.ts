import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { irisMlp } from './compare-helpers';

test('trains, then File ▸ Export… writes the ONNX model into the workspace', async ({
  app,
  host,
}) => {
  await app.getByRole('tab', { name: 'Data' }).click();
  await irisMlp(app, '5');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText('Finished', {
    timeout: 30_000,
  });

  await app
    .getByRole('toolbar', { name: 'Main toolbar' })
    .getByRole('button', { name: 'Export…' })
    .click();
  const dialog = app.getByRole('dialog', { name: 'Export the model' });
  await expect(dialog.getByRole('radio', { name: /ONNX/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  const picker = app.getByRole('dialog', { name: 'Export into a new folder' });
  await picker.getByLabel('File name').fill('iris-onnx');
  await picker.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByLabel('Export folder')).toHaveText('iris-onnx');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(app.getByText(/Exported \d+ files to iris-onnx/)).toBeVisible();
  for (const f of ['model.onnx', 'README.md', 'reference_predictions.json'])
    expect(existsSync(path.join(host.workspace, 'iris-onnx', f)), f).toBe(true);
});

/** A TF.js Layers model (4 → 5 relu → 3 softmax) as tf.io writes it, with seeded weights. */
function writeTfjsModel(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const dense = (name: string, units: number, activation: string, extra: object = {}) => ({
    class_name: 'Dense',
    config: { name, units, activation, use_bias: true, ...extra },
  });
  const json = {
    format: 'layers-model',
    modelTopology: {
      class_name: 'Sequential',
      config: {
        name: 'outside',
        layers: [
          dense('dense_Dense1', 5, 'relu', { batch_input_shape: [null, 4] }),
          dense('dense_Dense2', 3, 'softmax'),
        ],
      },
    },
    weightsManifest: [
      {
        paths: ['weights.bin'],
        weights: [
          { name: 'dense_Dense1/kernel', shape: [4, 5], dtype: 'float32' },
          { name: 'dense_Dense1/bias', shape: [5], dtype: 'float32' },
          { name: 'dense_Dense2/kernel', shape: [5, 3], dtype: 'float32' },
          { name: 'dense_Dense2/bias', shape: [3], dtype: 'float32' },
        ],
      },
    ],
  };
  const values = Float32Array.from({ length: 20 + 5 + 15 + 3 }, (_, i) => Math.sin(i + 1) / 2);
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
  writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array(values.buffer));
}

test('File ▸ Import model… of a TF.js model shows its graph on the canvas', async ({
  app,
  host,
}) => {
  writeTfjsModel(path.join(host.workspace, 'from-tfjs'));
  await app.getByRole('button', { name: 'Import model…' }).click();
  const picker = app.getByRole('dialog', { name: 'Import a model' });
  await picker.getByRole('button', { name: /from-tfjs/ }).click();
  await picker.getByRole('button', { name: /model\.json/ }).dblclick();
  await expect(picker).toBeHidden();
  // Input, Dense, ReLU, Dense, Softmax, Output.
  await expect(app.locator('.react-flow__node')).toHaveCount(6);
  await expect(
    app.getByText(/Imported the TF\.js model "outside": 2 Dense layers, 4 inputs/),
  ).toBeVisible();
  await expect(app.locator('.react-flow__node').filter({ hasText: '5 units' })).toHaveCount(1);
});
