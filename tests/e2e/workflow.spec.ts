import { test, expect, dragFromPalette, connectHandles, openCsv } from './fixtures';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

test('opens a CSV from the workspace with the in-app picker and previews it', async ({ app }) => {
  await app.getByRole('button', { name: 'Open CSV…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Open a CSV file' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: /data/ }).click();
  await dialog.getByRole('button', { name: /iris\.csv/ }).click();
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByText('iris.csv · 150 rows · 5 columns')).toBeVisible();
  await expect(
    app
      .getByRole('table', { name: 'Preview of iris.csv' })
      .getByRole('columnheader', { name: 'label' }),
  ).toBeVisible();
});

test('refuses a second input into a layer with a message at the pointer', async ({ app }) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Input', { x: canvas.x + 150, y: canvas.y + 150 });
  await dragFromPalette(app, 'Dense', { x: canvas.x + 450, y: canvas.y + 150 });
  await dragFromPalette(app, 'Dense', { x: canvas.x + 150, y: canvas.y + 350 });
  await expect(app.locator('.react-flow__node')).toHaveCount(3);
  const dense1 = app.getByRole('group', { name: 'Dense node dense_1' });
  const dense2 = app.getByRole('group', { name: 'Dense node dense_2' });
  await connectHandles(app, 'Input output', dense1.getByLabel('Dense input'));
  await expect(app.locator('.react-flow__edge')).toHaveCount(1);

  await connectHandles(app, dense2.getByLabel('Dense output'), dense1.getByLabel('Dense input'));
  const message = app.locator('.notice.at-pointer');
  await expect(message).toHaveText(
    'Dense (dense_1) already has an input; a layer takes one input.',
  );
  await expect(app.locator('.react-flow__edge')).toHaveCount(1);
});

test('undo and redo restore a deleted node and its edge; the inspector rejects bad units', async ({
  app,
}) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Dense', { x: canvas.x + 200, y: canvas.y + 200 });
  await dragFromPalette(app, 'Activation', { x: canvas.x + 500, y: canvas.y + 200 });
  await connectHandles(app, 'Dense output', 'Activation input');
  await expect(app.locator('.react-flow__edge')).toHaveCount(1);

  await app.getByRole('group', { name: 'Dense node dense_1' }).click();
  const units = app.getByLabel('Units');
  await units.fill('0');
  await expect(
    app.getByRole('alert').filter({ hasText: 'units must be at least 1' }),
  ).toBeVisible();
  await units.fill('32');
  await expect(app.getByRole('group', { name: 'Dense node dense_1' })).toContainText('32 units');

  await app.getByRole('group', { name: 'Dense node dense_1' }).click();
  await app.keyboard.press('Delete');
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
  await expect(app.locator('.react-flow__edge')).toHaveCount(0);

  await app.keyboard.press('Control+z');
  await expect(app.locator('.react-flow__node')).toHaveCount(2);
  await expect(app.locator('.react-flow__edge')).toHaveCount(1);
  await expect(app.getByRole('group', { name: 'Dense node dense_1' })).toContainText('32 units');

  await app.getByRole('button', { name: 'Redo' }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
});

test('takes the README screenshot of a network training on its data', async ({ app }, testInfo) => {
  await openCsv(app, 'data', 'iris.csv');
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await expect(app.locator('.react-flow__node')).toHaveCount(9);
  await app.locator('[data-node-id="activation_1"]').click();
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('150');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText('Finished', {
    timeout: 30_000,
  });
  await app.locator('.tab-body').evaluate((el) => el.scrollTo(0, 0));
  await app.waitForTimeout(300);
  const shot = await app.screenshot();
  await testInfo.attach('layerlab', { body: shot, contentType: 'image/png' });
  writeFileSync(testInfo.outputPath('layerlab.png'), shot);
  // `LAYERLAB_README_SHOT=1 npx playwright test -g README` refreshes the README's picture.
  if (process.env.LAYERLAB_README_SHOT === '1') {
    const target = path.resolve(__dirname, '../../docs/screenshot.png');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, shot);
  }
});
