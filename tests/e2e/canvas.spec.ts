import { test, expect, dragFromPalette, connectHandles, openCsv, nodeBoxes } from './fixtures';
import type { Page } from '@playwright/test';

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);

/** Input → Dense(16) → ReLU → Dense(3) → Softmax → Output, dropped in a column and wired. */
async function buildClassifier(page: Page): Promise<void> {
  const canvas = (await page.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  const kinds = ['Input', 'Dense', 'Activation', 'Dense', 'Softmax', 'Output'];
  for (const [i, kind] of kinds.entries()) {
    await dragFromPalette(page, kind, {
      x: canvas.x + 150 + (i % 2) * 260,
      y: canvas.y + 90 + i * 85,
    });
  }
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await connectHandles(page, 'Input output', node(page, 'dense_1').getByLabel('Dense input'));
  await connectHandles(page, node(page, 'dense_1').getByLabel('Dense output'), 'Activation input');
  await connectHandles(page, 'Activation output', node(page, 'dense_2').getByLabel('Dense input'));
  await connectHandles(page, node(page, 'dense_2').getByLabel('Dense output'), 'Softmax input');
  await connectHandles(page, 'Softmax output', 'Output input');
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  // Dense 2 defaults to 16 units; make it 3, one per iris class.
  await node(page, 'dense_2').click();
  await page.getByLabel('Units').fill('3');
  await expect(node(page, 'dense_2')).toContainText('3 units');
}

test('builds a classifier from the palette; shapes and parameter counts follow the data', async ({
  app,
}) => {
  await buildClassifier(app);
  // Before data, the Input width is unknown.
  await expect(node(app, 'dense_1')).toContainText('? params');
  await openCsv(app, 'data', 'iris.csv');
  await expect(node(app, 'input_1')).toContainText('[batch, 4]');
  await expect(node(app, 'dense_1')).toContainText('80 params');
  await expect(node(app, 'dense_2')).toContainText('51 params');
  const labels = await app.locator('.react-flow__edge-text').allTextContents();
  expect(labels.sort()).toEqual(
    ['[batch, 16]', '[batch, 16]', '[batch, 3]', '[batch, 3]', '[batch, 4]'].sort(),
  );
  await expect(app.getByRole('region', { name: 'Network problems' })).toHaveCount(0);

  await app.getByRole('tab', { name: 'Summary' }).click();
  const summary = app.getByRole('table', { name: 'Layers' });
  await expect(
    summary.getByRole('row', { name: /dense_1 \(Dense\) \[batch, 16\] 80/ }),
  ).toBeVisible();
  await expect(app.getByText('Total params: 131')).toBeVisible();
});

test('a wiring problem is listed in the banner, and a click selects the guilty node', async ({
  app,
}) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Input', { x: canvas.x + 200, y: canvas.y + 150 });
  await dragFromPalette(app, 'Dense', { x: canvas.x + 200, y: canvas.y + 300 });
  const banner = app.getByRole('region', { name: 'Network problems' });
  await expect(banner).toBeVisible();
  await app.getByRole('tab', { name: /Problems/ }).click();
  const problem = app
    .getByRole('list', { name: 'Problems' })
    .getByRole('button', { name: /Dense "dense_1"/ })
    .first();
  await problem.click();
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText('dense_1');
});

test('undo then redo restores the exact graph', async ({ app }) => {
  await buildClassifier(app);
  const before = await nodeBoxes(app);
  // Three edits: move a node, delete another, change a parameter.
  const box = (await node(app, 'softmax_1').boundingBox())!;
  await app.mouse.move(box.x + 40, box.y + 15);
  await app.mouse.down();
  await app.mouse.move(box.x + 240, box.y + 60, { steps: 12 });
  await app.mouse.up();
  await node(app, 'activation_1').click();
  await app.keyboard.press('Delete');
  await expect(app.locator('.react-flow__node')).toHaveCount(5);
  await node(app, 'dense_1').click();
  await app.getByLabel('Units').fill('8');
  await expect(node(app, 'dense_1')).toContainText('8 units');
  const after = await nodeBoxes(app);

  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await app.keyboard.press('Control+z');
  await expect(app.locator('.react-flow__node')).toHaveCount(6);
  await expect(app.locator('.react-flow__edge')).toHaveCount(5);
  await expect(node(app, 'dense_1')).toContainText('16 units');
  expect(await nodeBoxes(app)).toEqual(before);

  for (let i = 0; i < 3; i++) await app.getByRole('button', { name: 'Redo' }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(5);
  await expect(node(app, 'dense_1')).toContainText('8 units');
  expect(await nodeBoxes(app)).toEqual(after);
  await expect(app.getByRole('button', { name: 'Redo' })).toBeDisabled();
});

test('copy and paste duplicate a node with its parameters; Ctrl+D duplicates too', async ({
  app,
}) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Dropout', { x: canvas.x + 200, y: canvas.y + 200 });
  await node(app, 'dropout_1').click();
  await app.getByLabel('Rate').fill('0.3');
  await node(app, 'dropout_1').click();
  await app.keyboard.press('Control+c');
  await app.keyboard.press('Control+v');
  await expect(app.locator('.react-flow__node')).toHaveCount(2);
  await expect(node(app, 'dropout_2')).toContainText('rate 0.3');
  await app.keyboard.press('Control+d');
  await expect(node(app, 'dropout_3')).toContainText('rate 0.3');
});

test('auto-layout arranges a scrambled graph top to bottom', async ({ app }) => {
  await buildClassifier(app);
  // Scramble: drag Output above Input and Input to the bottom right.
  for (const [id, dx, dy] of [
    ['output_1', 300, -420],
    ['input_1', 420, 380],
  ] as const) {
    const b = (await node(app, id).boundingBox())!;
    await app.mouse.move(b.x + 30, b.y + 12);
    await app.mouse.down();
    await app.mouse.move(b.x + 30 + dx, b.y + 12 + dy, { steps: 10 });
    await app.mouse.up();
  }
  await app.getByRole('button', { name: 'Auto-layout' }).click();
  await app.waitForTimeout(400); // the fit-view animation
  const boxes = await nodeBoxes(app);
  const chain = ['input_1', 'dense_1', 'activation_1', 'dense_2', 'softmax_1', 'output_1'];
  for (let i = 1; i < chain.length; i++) {
    expect(boxes[chain[i]!]!.y, `${chain[i]} below ${chain[i - 1]}`).toBeGreaterThan(
      boxes[chain[i - 1]!]!.y + 20,
    );
    expect(
      Math.abs(boxes[chain[i]!]!.x - boxes[chain[0]!]!.x),
      `${chain[i]} in the column`,
    ).toBeLessThan(30);
  }
});

test('a template builds a complete network for the loaded data', async ({ app }) => {
  await openCsv(app, 'data', 'iris.csv');
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await expect(app.locator('.react-flow__node')).toHaveCount(9);
  await expect(app.getByRole('region', { name: 'Network problems' })).toHaveCount(0);
  await app.getByRole('tab', { name: 'Summary' }).click();
  // 4·32+32 + 32·16+16 + 16·3+3 = 160 + 528 + 51
  await expect(app.getByText('Total params: 739')).toBeVisible();
});

test('the inspector plots an activation and its derivative with notes', async ({ app }) => {
  await app.getByRole('button', { name: 'Activation', exact: true }).click();
  await node(app, 'activation_1').click();
  await expect(app.getByRole('img', { name: /max\(0, x\)/ })).toBeVisible();
  await expect(app.getByText(/Dead units/)).toBeVisible();
  await app.getByLabel('Function').selectOption({ label: 'sigmoid' });
  await expect(app.getByText(/Saturates for \|x\| > 4/)).toBeVisible();
  await expect(node(app, 'activation_1')).toContainText('sigmoid');
});

test('selects with Shift-click, a Shift-drag box and Ctrl+A; Backspace deletes the selection', async ({
  app,
}) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Dense', { x: canvas.x + 150, y: canvas.y + 120 });
  await dragFromPalette(app, 'Dropout', { x: canvas.x + 400, y: canvas.y + 120 });
  await dragFromPalette(app, 'Softmax', { x: canvas.x + 650, y: canvas.y + 350 });
  const selected = app.locator('.react-flow__node.selected');

  await node(app, 'dense_1').click();
  await node(app, 'dropout_1').click({ modifiers: ['Shift'] });
  await expect(selected).toHaveCount(2);
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText(
    'Select one node',
  );

  // A box drawn with Shift held around the two top nodes selects exactly them.
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await expect(selected).toHaveCount(0);
  await app.keyboard.down('Shift');
  await app.mouse.move(canvas.x + 40, canvas.y + 60);
  await app.mouse.down();
  await app.mouse.move(canvas.x + 560, canvas.y + 200, { steps: 8 });
  await app.mouse.up();
  await app.keyboard.up('Shift');
  await expect(selected).toHaveCount(2);

  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+a');
  await expect(selected).toHaveCount(3);
  await app.keyboard.press('Backspace');
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(app.locator('.react-flow__node')).toHaveCount(3);
});

test('the dark theme applies to the canvas and panels', async ({ app }, testInfo) => {
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await app.getByRole('button', { name: 'Dark theme' }).click();
  await expect(app.locator('.app')).toHaveAttribute('data-theme', 'dark');
  await expect(app.locator('.react-flow')).toHaveClass(/dark/);
  const bg = await app.locator('.inspector').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe('rgb(30, 34, 42)');
  await testInfo.attach('dark', { body: await app.screenshot(), contentType: 'image/png' });
  await app.getByRole('button', { name: 'Light theme' }).click();
  await expect(app.locator('.app')).toHaveAttribute('data-theme', 'light');
});
