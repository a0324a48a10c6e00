/**
 * Rough edges users met going through the app end to end: every control explained, problems
 * that hide nothing, toasts that group and close, templates that can be undone, remedies that
 * lay out what they add, reopened projects in view, results of another dataset said so, and
 * nodes legible in both themes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function boxesOf(page: Page): Promise<[string, Box][]> {
  const out: [string, Box][] = [];
  for (const el of await page.locator('[data-node-id]').all())
    out.push([(await el.getAttribute('data-node-id'))!, (await el.boundingBox())!]);
  return out;
}

async function template(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Start from a template' }).selectOption({ label });
}

async function sample(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('combobox', { name: 'Open sample dataset' }).selectOption(name);
  await page.getByRole('button', { name: 'Use this dataset' }).click();
}

async function shot(page: Page, info: TestInfo, name: string, target?: Locator): Promise<void> {
  const body = await (target ?? page).screenshot();
  await info.attach(name, { body, contentType: 'image/png' });
}

const helpFor = (page: Page, label: string) => page.locator(`[data-help-for="${label}"]`);

test('explains L2 λ, with its formula, on hover and on keyboard focus of its ⓘ', async ({
  app,
}, testInfo) => {
  await app.getByRole('tab', { name: 'Training' }).click();
  const l2 = app.getByLabel('L2 λ', { exact: true });
  await expect(l2).toHaveAccessibleDescription(/adds λ·ΣW² to the loss/);

  const tip = app.getByRole('tooltip').filter({ hasText: 'L2 λ adds λ·ΣW² to the loss' });
  await expect(tip).toBeHidden();
  await helpFor(app, 'L2 λ').hover();
  await expect(tip).toBeVisible();
  await shot(app, testInfo, 'L2 λ explained on hover');
  await app.mouse.move(5, 5);
  await expect(tip).toBeHidden();

  // From the keyboard: the ⓘ comes just before its field in the tab order.
  await l2.focus();
  await app.keyboard.press('Shift+Tab');
  await expect(helpFor(app, 'L2 λ')).toBeFocused();
  await expect(tip).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(tip).toBeHidden();
});

test('every training field and every layer field carries a one-sentence explanation', async ({
  app,
}) => {
  await app.getByRole('tab', { name: 'Training' }).click();
  const form = app.getByRole('form', { name: 'Training settings' });
  await form.getByLabel(/^Early stopping/).check();
  await form.getByLabel('Gaussian noise').check();
  await form.getByLabel('Mixup', { exact: true }).check();
  await form.getByLabel('Rows are images').check();
  const describe = async (scope: Locator) => {
    const controls = scope.locator('input, select');
    const n = await controls.count();
    expect(n).toBeGreaterThan(0);
    for (let i = 0; i < n; i++)
      await expect(controls.nth(i)).toHaveAccessibleDescription(/\w{3,}.*\w{3,}/);
  };
  await describe(form);
  await expect(app.getByRole('combobox', { name: 'Backend' })).toHaveAccessibleDescription(
    /auto times/,
  );

  // The layer fields, read from the kinds: Dense, Activation (leaky ReLU shows α), Dropout, Output.
  await template(app, 'MLP classifier');
  const inspector = (kind: string) => app.getByRole('form', { name: `${kind} parameters` });
  for (const [id, kind] of [
    ['dense_1', 'Dense'],
    ['dropout_1', 'Dropout'],
    ['output_1', 'Output'],
  ] as const) {
    const node = app.locator(`[data-node-id="${id}"]`);
    if ((await node.count()) === 0) continue;
    await node.click();
    await describe(inspector(kind));
  }
  await app.locator('[data-node-id^="activation"]').first().click();
  await inspector('Activation').getByLabel('Function').selectOption('leaky_relu');
  await describe(inspector('Activation'));
  await helpFor(app, 'Slope α').hover();
  await expect(app.getByRole('tooltip').filter({ hasText: 'αx for x < 0' })).toBeVisible();
});

test('the problems strip sits above the canvas: the Input node is not under it and can be clicked', async ({
  app,
}, testInfo) => {
  await template(app, 'MLP classifier');
  // Without its Output the network has a problem to show.
  await app.locator('[data-node-id^="output"]').click();
  await app.keyboard.press('Delete');
  const banner = app.getByRole('region', { name: 'Network problems' });
  await expect(banner).toBeVisible();
  await app.getByRole('button', { name: 'Fit view', exact: true }).click();
  const input = app.locator('[data-node-id^="input"]');
  const b = (await banner.boundingBox())!;
  const i = (await input.boundingBox())!;
  expect(intersects(b, i), 'the banner covers the Input node').toBe(false);
  await shot(app, testInfo, 'problems strip above the canvas', app.getByLabel('Network canvas'));
  await input.click();
  await expect(app.getByRole('form', { name: 'Input parameters' })).toBeVisible();
});

test('the same error three times shows once with ×3, and closing it removes it', async ({
  app,
}, testInfo) => {
  const messages = app.getByRole('region', { name: 'Messages' });
  for (let i = 0; i < 3; i++) await app.keyboard.press('Control+Enter');
  const toast = messages.getByRole('alert').filter({ hasText: 'Open a dataset' });
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText('×3');
  await shot(app, testInfo, 'grouped error', messages);
  // Errors wait to be read: closing is the user's choice.
  await toast.getByRole('button', { name: 'Close message' }).click();
  await expect(toast).toHaveCount(0);
});

test('a template over a network says so and Undo in the message brings the network back', async ({
  app,
}, testInfo) => {
  const nodes = app.locator('.react-flow__node');
  await template(app, 'MLP classifier');
  const mlp = await nodes.count();
  expect(mlp).toBeGreaterThan(3);
  // On an empty canvas there is nothing to lose, so nothing to say.
  await expect(app.getByRole('status').filter({ hasText: 'replaced your network' })).toHaveCount(0);
  await template(app, 'Logistic regression');
  const note = app.getByRole('status').filter({ hasText: 'Undo to get your network back' });
  await expect(note).toBeVisible();
  expect(await nodes.count()).toBeLessThan(mlp);
  await shot(app, testInfo, 'template replaced the network', note);
  await note.getByRole('button', { name: 'Undo' }).click();
  await expect(nodes).toHaveCount(mlp);
  await expect(note).toHaveCount(0);
});

test('"Add Dropout" from an overfitting alert makes room: no two nodes overlap', async ({
  app,
}, testInfo) => {
  await app.getByRole('tab', { name: 'Data' }).click();
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('wine.csv');
  // A split on which this network's validation loss turns up (as in the training spec).
  await app.getByLabel('Seed', { exact: true }).fill('1');
  await app.getByRole('button', { name: 'Apply split' }).click();
  await app.getByRole('button', { name: 'Use this dataset' }).click();
  await template(app, 'Overfits on purpose');
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('80');
  await app.getByLabel('Learning rate').fill('0.001');
  await app.getByLabel('Seed').fill('1');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  // Once the alert offers Dropout, stop: the remedy applies to a stopped run.
  const addDropout = app
    .getByRole('list', { name: 'Alerts' })
    .getByRole('button', { name: /^Add Dropout/ })
    .first();
  await expect(addDropout).toBeVisible({ timeout: 60_000 });
  // (On a fast machine the run may have ended already: a disabled Stop then does nothing.)
  await app.getByRole('button', { name: 'Stop', exact: true }).click({ force: true });
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText('Finished');
  const before = (await boxesOf(app)).length;
  await addDropout.click();
  await expect(app.locator('[data-node-id]')).toHaveCount(before + 1);
  await app.getByRole('button', { name: 'Fit view', exact: true }).click();
  // Read again until the view settles (the fit animates); a lasting overlap still fails.
  await expect(async () => {
    const boxes = await boxesOf(app);
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++)
        expect(
          intersects(boxes[a]![1], boxes[b]![1]),
          `${boxes[a]![0]} overlaps ${boxes[b]![0]}`,
        ).toBe(false);
  }).toPass();
  await shot(app, testInfo, 'after Add Dropout', app.getByLabel('Network canvas'));
});

test('a reopened project whose nodes lie far away is fitted to the view', async ({ app, host }) => {
  // A network that fits the window at a readable zoom (taller ones open with their Input in view).
  await template(app, 'Logistic regression');
  await app.keyboard.press('Control+s');
  const dialog = app.getByRole('dialog', { name: 'Save the project' });
  await dialog.getByLabel('File name').fill('near');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Saved near.layerlab.')).toBeVisible();
  // The same project with every node 6,000 px away, as if saved scrolled far off.
  const saved = JSON.parse(readFileSync(path.join(host.workspace, 'near.layerlab'), 'utf8'));
  for (const n of saved.graph.nodes)
    n.position = { x: n.position.x + 6000, y: n.position.y + 6000 };
  writeFileSync(path.join(host.workspace, 'far.layerlab'), JSON.stringify(saved));

  await app.getByRole('button', { name: 'Open…' }).click();
  await app
    .getByRole('dialog', { name: 'Open a project' })
    .getByRole('button', { name: /far\.layerlab/ })
    .dblclick();
  await expect(app).toHaveTitle(/^far\.layerlab/);
  const canvas = (await app.getByLabel('Network canvas').boundingBox())!;
  await expect(async () => {
    const boxes = await boxesOf(app);
    expect(boxes.length).toBe(saved.graph.nodes.length);
    for (const [id, b] of boxes) {
      expect(b.x, `${id} left`).toBeGreaterThanOrEqual(canvas.x);
      expect(b.y, `${id} top`).toBeGreaterThanOrEqual(canvas.y);
      expect(b.x + b.width, `${id} right`).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(b.y + b.height, `${id} bottom`).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
  }).toPass();
});

test('after opening another dataset the Training tab says its results are of iris and offers to retrain', async ({
  app,
}, testInfo) => {
  await sample(app, 'iris.csv');
  await template(app, 'MLP classifier');
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('5');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = app.getByRole('status', { name: 'Training progress' });
  await expect(progress).toContainText('Finished · epoch 5/5');
  await expect(app.getByRole('region', { name: 'Predict a row' })).toBeVisible();

  await sample(app, 'wine.csv');
  await app.getByRole('tab', { name: 'Training' }).click();
  const mark = app.getByRole('note', { name: 'Results of another dataset' });
  await expect(mark).toContainText('These results are of iris.csv');
  await expect(mark).toContainText('the loaded dataset is wine.csv');
  // Nothing that needs iris is offered, so nothing fails.
  await expect(app.getByRole('region', { name: 'Predict a row' })).toHaveCount(0);
  await expect(app.getByText(/no longer loaded/)).toHaveCount(0);
  await expect(app.getByRole('alert')).toHaveCount(0);
  await mark.scrollIntoViewIfNeeded();
  await shot(app, testInfo, 'results of iris while wine is loaded');

  await mark.getByRole('button', { name: 'Train on wine.csv' }).click();
  await expect(progress).toContainText('Finished · epoch 5/5');
  await expect(mark).toHaveCount(0);
  // The iris run is kept: it is data.
  await expect(app.getByRole('region', { name: 'Runs' })).toContainText('iris.csv');
});

test('nodes and the inspector are legible in the light and the dark theme', async ({
  app,
}, testInfo) => {
  await sample(app, 'iris.csv');
  await template(app, 'MLP classifier');
  await app.locator('[data-node-id="dense_1"]').click();
  const summary = app.locator('[data-node-id="dense_1"] .layer-node-summary');
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') await app.getByRole('button', { name: 'Dark theme' }).click();
    // Text on a node is at least 12 px before zoom, and drawn at 10 px or more on screen.
    const px = await summary.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px).toBeGreaterThanOrEqual(12);
    const zoom = await app
      .locator('.react-flow__viewport')
      .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    expect(px * zoom).toBeGreaterThanOrEqual(10);
    await shot(app, testInfo, `canvas and inspector, ${theme} theme`);
  }
});
