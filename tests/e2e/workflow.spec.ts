import { test, expect, dragFromPalette, connectHandles } from './fixtures';
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

test('takes the README screenshot of a small network and its data', async ({ app }, testInfo) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  const kinds = ['Input', 'Dense', 'Activation', 'Dense', 'Softmax', 'Output'];
  for (const [i, kind] of kinds.entries()) {
    const x = canvas.x + 110 + (i % 3) * 230;
    const y = canvas.y + 90 + Math.floor(i / 3) * 150;
    await dragFromPalette(app, kind, { x, y });
  }
  await expect(app.locator('.react-flow__node')).toHaveCount(6);
  const handles = [
    ['Input output', 'dense_1', 'Dense input'],
    ['dense_1', 'activation_1', 'Activation input'],
    ['activation_1', 'dense_2', 'Dense input'],
    ['dense_2', 'softmax_1', 'Softmax input'],
    ['softmax_1', 'output_1', 'Output input'],
  ] as const;
  const group = (id: string) => app.locator(`[data-node-id="${id}"]`);
  await connectHandles(app, 'Input output', group('dense_1').getByLabel('Dense input'));
  await connectHandles(app, group('dense_1').getByLabel('Dense output'), 'Activation input');
  await connectHandles(app, 'Activation output', group('dense_2').getByLabel('Dense input'));
  await connectHandles(app, group('dense_2').getByLabel('Dense output'), 'Softmax input');
  await connectHandles(app, 'Softmax output', 'Output input');
  await expect(app.locator('.react-flow__edge')).toHaveCount(handles.length);

  await app.getByRole('button', { name: 'Open CSV…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Open a CSV file' });
  await dialog.getByRole('button', { name: /data/ }).click();
  await dialog.getByRole('button', { name: /iris\.csv/ }).dblclick();
  await expect(app.getByText('iris.csv · 150 rows')).toBeVisible();
  await group('dense_1').click();

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
