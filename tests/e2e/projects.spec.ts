import { test, expect, openCsv } from './fixtures';
import { irisMlp } from './compare-helpers';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

async function predictSetosa(page: Page): Promise<string> {
  const predict = page.getByRole('region', { name: 'Predict a row' });
  await predict.getByLabel('sepal_length_cm').fill('6.0');
  await predict.getByLabel('sepal_width_cm').fill('2.9');
  await predict.getByLabel('petal_length_cm').fill('4.5');
  await predict.getByLabel('petal_width_cm').fill('1.5');
  await predict.getByRole('button', { name: 'Predict' }).click();
  const status = predict.getByRole('status', { name: 'Prediction' });
  await expect(status).toContainText('Predicted class');
  return (await status.textContent()) ?? '';
}

test('saves a trained project into the workspace and opens it again: same network, run and predictions', async ({
  app,
  host,
}) => {
  {
    await irisMlp(app, '30');
    await app.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(
      'Finished · epoch 30/30',
    );
  }
  await expect(app).toHaveTitle(/^● Untitled — Layerlab/);
  const before = await predictSetosa(app);
  const loss = () =>
    app
      .getByRole('region', { name: 'Evaluation' })
      .locator('dt:has-text("Loss") + dd')
      .textContent();
  const lossBefore = await loss();

  // Save: the in-app picker asks for a name in the workspace.
  await app.keyboard.press('Control+s');
  const dialog = app.getByRole('dialog', { name: 'Save the project' });
  await dialog.getByLabel('File name').fill('my-net');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Saved my-net.layerlab.')).toBeVisible();
  await expect(app).toHaveTitle(/^my-net\.layerlab — Layerlab/);
  const file = path.join(host.workspace, 'my-net.layerlab');
  expect(existsSync(file)).toBe(true);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.formatVersion).toBe(3);
  expect(saved.sweeps).toEqual([]);
  // The run keeps the network it trained (no canvas positions) and its training-data hash.
  expect(saved.runs[0].graph.nodes[0]).not.toHaveProperty('position');
  expect(saved.runs[0].graph.nodes.map((n: { id: string }) => n.id)).toEqual(
    saved.graph.nodes.map((n: { id: string }) => n.id),
  );
  expect(saved.runs[0].datasetHash).toMatch(/^[0-9a-f]{16}$/);

  // A second save keeps the previous version as a backup.
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText(/previous version is kept/)).toBeVisible();
  expect(existsSync(`${file}.bak`)).toBe(true);

  await app.getByRole('button', { name: 'New', exact: true }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
  await expect(app).toHaveTitle(/^Untitled — Layerlab/);

  await app.getByRole('button', { name: 'Open…' }).click();
  const open = app.getByRole('dialog', { name: 'Open a project' });
  await open.getByRole('button', { name: /my-net\.layerlab/ }).dblclick();
  await expect(app.locator('.react-flow__node')).toHaveCount(9);
  await expect(app).toHaveTitle(/^my-net\.layerlab — Layerlab/);
  await app.getByRole('tab', { name: 'Training' }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(
    'Finished · epoch 30/30',
  );
  expect(await predictSetosa(app)).toBe(before);

  // Same seed, same data, same network: training again gives the same result.
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(
    'Finished · epoch 30/30',
  );
  expect(await loss()).toBe(lossBefore);
});

test('asks before discarding unsaved changes', async ({ app }) => {
  await app.getByRole('button', { name: 'Dense', exact: true }).click();
  await expect(app).toHaveTitle(/^● /);
  let asked = '';
  app.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await app.getByRole('button', { name: 'New', exact: true }).click();
  expect(asked).toContain('Discard the unsaved changes');
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
});

test('a project that links its dataset reopens with "Locate…" when the file moved, and Share writes a self-contained copy', async ({
  app,
  host,
}) => {
  const { copyFileSync, renameSync } = await import('node:fs');
  // A copy of its own: the workspace is shared with the other tests of this worker.
  copyFileSync(
    path.join(host.workspace, 'data/iris.csv'),
    path.join(host.workspace, 'data/linked-iris.csv'),
  );
  await openCsv(app, 'data', 'linked-iris.csv');
  await app.getByLabel('Save the data inside the project file').uncheck();
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await fileMenu(app, 'Save As…');
  const save = app.getByRole('dialog', { name: 'Save the project as' });
  await save.getByLabel('File name').fill('linked');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app).toHaveTitle(/^linked\.layerlab/);
  const saved = JSON.parse(readFileSync(path.join(host.workspace, 'linked.layerlab'), 'utf8'));
  expect(JSON.stringify(saved.dataset)).toContain('data/linked-iris.csv');

  // Share: a copy with the data inside, next to the linked one.
  await fileMenu(app, 'Share…');
  const share = app.getByRole('dialog', { name: 'Share a copy (dataset included)' });
  await share.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(
    app.getByText(/Wrote linked-shared\.layerlab with the dataset inside/),
  ).toBeVisible();
  expect(
    readFileSync(path.join(host.workspace, 'linked-shared.layerlab'), 'utf8').length,
  ).toBeGreaterThan(readFileSync(path.join(host.workspace, 'linked.layerlab'), 'utf8').length);

  renameSync(
    path.join(host.workspace, 'data/linked-iris.csv'),
    path.join(host.workspace, 'moved-iris.csv'),
  );
  await app.getByRole('button', { name: 'New', exact: true }).click();
  await app.getByRole('button', { name: 'Open…' }).click();
  await app
    .getByRole('dialog', { name: 'Open a project' })
    .getByRole('button', { name: /^📄 linked\.layerlab/ })
    .dblclick();
  await expect(app.locator('.react-flow__node')).toHaveCount(9);
  await app.getByRole('tab', { name: 'Data' }).click();
  const missing = app
    .getByRole('alert')
    .filter({ hasText: /linked-iris\.csv is not at data\/linked-iris\.csv/ });
  await expect(missing).toBeVisible();
  await missing.getByRole('button', { name: 'Locate…' }).click();
  await app
    .getByRole('dialog', { name: 'Locate linked-iris.csv' })
    .getByRole('button', { name: /moved-iris\.csv/ })
    .dblclick();
  await expect(app.getByText(/^Found .*iris\.csv\.$/)).toBeVisible();
  await expect(missing).toHaveCount(0);
  await expect(app.locator('[data-node-id="dense_1"]')).toContainText('160 params');
});

/** Runs a command from the File menu, as a person would. */
async function fileMenu(app: Page, item: string): Promise<void> {
  await app
    .getByRole('menubar', { name: 'Menu' })
    .getByRole('menuitem', { name: 'File', exact: true })
    .click();
  await app.getByRole('menu', { name: 'File' }).getByRole('menuitem', { name: item }).click();
}
