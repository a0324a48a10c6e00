/**
 * The workspace layout as a person uses it: the dock dragged and remembered, moved and hidden,
 * wide tables that scroll in their own box, and training driven from the toolbar.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, sampleWithTemplate } from './fixtures';

test.use({ viewport: { width: 1600, height: 1000 } });

/** A screenshot kept with the test's results, to look at. */
async function shot(testInfo: TestInfo, name: string, of: Page | Locator): Promise<void> {
  const file = testInfo.outputPath(`${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
  await of.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

const box = async (l: Locator) => (await l.boundingBox())!;
const dock = (page: Page) => page.getByRole('region', { name: 'Data and model' });
const dockHandle = (page: Page) => page.getByRole('separator', { name: 'Resize the dock' });
const canvas = (page: Page) => page.locator('.main-area');

/** Presses on the separator's centre and releases it `dx`, `dy` pixels away, like a person. */
async function dragSeparator(page: Page, handle: Locator, dx: number, dy: number): Promise<void> {
  const b = await box(handle);
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 12 });
  await page.mouse.up();
}

/** The dock's share of its group (%) as saved in localStorage, or 0 before anything is saved. */
async function savedDockShare(page: Page, side: 'bottom' | 'right'): Promise<number> {
  const saved = await page.evaluate(
    (key) => localStorage.getItem(key),
    `react-resizable-panels:layerlab.layout.dock.${side}`,
  );
  if (!saved) return 0;
  const state = JSON.parse(saved) as Record<string, { layout: number[] }>;
  return state['canvas,dock']?.layout[1] ?? 0;
}

const reloaded = async (page: Page) => {
  await page.reload();
  await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
};

test('keeps the dock height after a reload, and the keyboard resizes it too', async ({ app }) => {
  const before = (await box(dock(app))).height;
  await dragSeparator(app, dockHandle(app), 0, -250);
  const dragged = (await box(dock(app))).height;
  expect(dragged).toBeGreaterThan(before + 200);
  // Saved a moment after the drag (the library writes at most every 100 ms).
  await expect.poll(() => savedDockShare(app, 'bottom')).toBeGreaterThan(50);

  await reloaded(app);
  await expect(dock(app)).toBeVisible();
  expect(Math.abs((await box(dock(app))).height - dragged)).toBeLessThanOrEqual(2);

  // The separator is a focusable slider: arrow keys move it.
  await dockHandle(app).focus();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('ArrowUp');
  expect((await box(dock(app))).height).toBeGreaterThan(dragged + 10);
});

test('moves the dock to the right of the canvas and back, each side keeping its own size', async ({
  app,
}) => {
  await app.getByRole('button', { name: 'Dock on the right' }).click();
  let c = await box(canvas(app));
  let d = await box(dock(app));
  expect(d.x).toBeGreaterThanOrEqual(c.x + c.width);
  expect(Math.abs(d.y - c.y)).toBeLessThanOrEqual(2);

  // Narrower on the right, then remembered there after a reload.
  const pair = c.width + d.width;
  await dragSeparator(app, dockHandle(app), 200, 0);
  const width = (await box(dock(app))).width;
  expect(width).toBeLessThan(d.width - 150);
  // The library saves after the drag settles: wait for the narrower share, not any share.
  await expect.poll(() => savedDockShare(app, 'right')).toBeCloseTo((100 * width) / pair, 0);
  await reloaded(app);
  d = await box(dock(app));
  expect(Math.abs(d.width - width)).toBeLessThanOrEqual(2);

  // Back to the bottom from the command palette, as a keyboard user would.
  await app.keyboard.press('Control+K');
  await app.keyboard.type('dock at the bottom');
  await app.keyboard.press('Enter');
  c = await box(canvas(app));
  d = await box(dock(app));
  expect(d.y).toBeGreaterThanOrEqual(c.y + c.height);
  expect(Math.abs(d.x - c.x)).toBeLessThanOrEqual(2);
});

test('collapses and expands the dock, the palette and the inspector', async ({ app }, testInfo) => {
  const tabs = app.getByRole('tablist', { name: 'Bottom panel' });
  await app.getByRole('button', { name: 'Hide the dock' }).click();
  await expect(tabs).toBeHidden();
  const canvasTall = await box(canvas(app));
  const strip = app.getByRole('group', { name: 'Dock (hidden)' });
  await expect(strip).toBeVisible();
  // A tab's name on the strip brings the dock back at that tab.
  await strip.getByRole('button', { name: 'Open the Training tab' }).click();
  await expect(tabs).toBeVisible();
  await expect(tabs.getByRole('tab', { name: 'Training' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  expect((await box(canvas(app))).height).toBeLessThan(canvasTall.height - 100);

  // Enter on the focused separator hides the dock and shows it again.
  await dockHandle(app).focus();
  await app.keyboard.press('Enter');
  await expect(tabs).toBeHidden();
  await app.keyboard.press('Enter');
  await expect(tabs).toBeVisible();

  // The palette and the inspector, from the View menu.
  const bar = app.getByRole('menubar', { name: 'Menu' });
  await bar.getByRole('menuitem', { name: 'View', exact: true }).click();
  await app
    .getByRole('menu', { name: 'View' })
    .getByRole('menuitem', { name: /Show or Hide the Layers Palette/ })
    .click();
  await expect(app.getByRole('navigation', { name: 'Layers' })).toBeHidden();
  await bar.getByRole('menuitem', { name: 'View', exact: true }).click();
  await app
    .getByRole('menu', { name: 'View' })
    .getByRole('menuitem', { name: /Show or Hide the Inspector/ })
    .click();
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  await shot(testInfo, 'palette and inspector hidden', app);
  await app.getByRole('button', { name: 'Show the layers palette' }).click();
  await app.getByRole('button', { name: 'Show the inspector' }).click();
  await expect(app.getByRole('navigation', { name: 'Layers' })).toBeVisible();
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
});

test('a 30-column preview scrolls inside its own box and never widens the page', async ({
  app,
  host,
}, testInfo) => {
  copyFileSync(
    path.join(__dirname, '../fixtures/layout/wide-30-columns.csv'),
    path.join(host.workspace, 'data', 'wide-30-columns.csv'),
  );
  await app.getByRole('tab', { name: 'Data' }).click();
  await app.getByRole('button', { name: 'Open CSV…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Open a CSV file' });
  await dialog.getByRole('button', { name: /data/ }).click();
  await dialog.getByRole('button', { name: /wide-30-columns\.csv/ }).dblclick();
  const table = app.getByRole('table', { name: 'Preview of wide-30-columns.csv' });
  await expect(table).toBeVisible();

  const page = () =>
    app.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      scrollX: window.scrollX,
    }));
  let p = await page();
  expect(p.scrollWidth).toBeLessThanOrEqual(p.innerWidth);

  // The table's own box is narrower than the table and scrolls sideways under the wheel.
  const wrap = table.locator('xpath=..');
  const sizes = await wrap.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client + 500);
  const palette = await box(app.getByRole('navigation', { name: 'Layers' }));
  // Scrolled down to the preview, as a person would, then sideways with the wheel on it.
  await wrap.scrollIntoViewIfNeeded();
  const t = await box(wrap);
  await app.mouse.move(t.x + t.width / 2, t.y + t.height / 2);
  await app.mouse.wheel(600, 0);
  await expect.poll(() => wrap.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  p = await page();
  expect(p.scrollX).toBe(0);
  expect(p.scrollWidth).toBeLessThanOrEqual(p.innerWidth);
  expect(await box(app.getByRole('navigation', { name: 'Layers' }))).toEqual(palette);
  await shot(testInfo, 'wide preview', app);
});

test('trains from the toolbar while the Data tab is shown: epoch, pause without ETA, stop', async ({
  app,
}, testInfo) => {
  await sampleWithTemplate(app, 'iris.csv', 'MLP classifier');
  await expect(app.locator('.react-flow__node')).toHaveCount(9);
  // A long run, so that it can be paused and stopped midway.
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('3000');
  await app.getByLabel('Batch size').fill('1');
  await app.getByRole('tab', { name: 'Data' }).click();

  const toolbar = app.getByRole('group', { name: 'Training (toolbar)' });
  const status = toolbar.getByRole('status', { name: 'Run status' });
  await toolbar.getByRole('button', { name: 'Train (toolbar)' }).click();
  await expect(status).toContainText(/^Epoch [1-9]\d*\/3000 · .* left$/);
  // The Data tab stays in front: the toolbar is where the run shows.
  await expect(app.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');

  await toolbar.getByRole('button', { name: 'Pause training (toolbar)' }).click();
  await expect(status).toContainText(/^Paused at epoch \d+\/3000$/);
  await expect(status).not.toContainText('left');
  await shot(testInfo, 'toolbar while paused', app.getByRole('toolbar', { name: 'Main toolbar' }));

  await toolbar.getByRole('button', { name: 'Resume training (toolbar)' }).click();
  await expect(status).toContainText(/^Epoch \d+\/3000/);
  await toolbar.getByRole('button', { name: 'Stop training (toolbar)' }).click();
  await expect(status).toContainText(/^Stopped at epoch \d+\/3000$/);
  await expect(toolbar.getByRole('button', { name: 'Train (toolbar)' })).toBeEnabled();
  await expect(app.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
});

test('at 1600 px the toolbar is one line, with the run and its words in full', async ({
  app,
}, testInfo) => {
  await app.setViewportSize({ width: 1600, height: 1000 });
  await sampleWithTemplate(app, 'iris.csv', 'MLP classifier');
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('3000');
  await app.getByLabel('Batch size').fill('1');
  const bar = app.getByRole('toolbar', { name: 'Main toolbar' });
  const group = app.getByRole('group', { name: 'Training (toolbar)' });
  const top = async (l: Locator) => (await l.boundingBox())!.y;
  const newButton = bar.getByRole('button', { name: 'New', exact: true });
  const train = group.getByRole('button', { name: 'Train (toolbar)' });
  expect(Math.abs((await top(train)) - (await top(newButton)))).toBeLessThan(8);

  await train.click();
  const status = group.getByRole('status', { name: 'Run status' });
  await expect(status).toContainText(/^Epoch [1-9]\d*\/3000 · .* left$/);
  const pause = group.getByRole('button', { name: 'Pause training (toolbar)' });
  expect(Math.abs((await top(pause)) - (await top(newButton)))).toBeLessThan(8);
  // With an alert beside them (this noisy run raises one early), the epoch and ETA are still
  // not cut off by an ellipsis: the alert gives way first.
  await expect(group.getByRole('button', { name: /^Latest alert/ })).toBeVisible({
    timeout: 60_000,
  });
  expect(await status.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
  await shot(testInfo, 'toolbar at 1600 px while training', bar);
  await group.getByRole('button', { name: 'Stop training (toolbar)' }).click();
  await expect(status).toContainText(/^Stopped at epoch/);
});

test('the training view in a taller dock; the toolbar alert opens the Training tab at it', async ({
  app,
}, testInfo) => {
  // Eighty epochs of a wide network: generous on a loaded machine (not a measure of speed).
  test.setTimeout(180_000);
  // The setup that makes this network overfit (see training.spec.ts).
  await sampleWithTemplate(app, 'wine.csv', 'Overfits on purpose', 1);
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('80');
  await app.getByLabel('Learning rate').fill('0.001');
  await app.getByLabel('Seed').fill('1');
  await dragSeparator(app, dockHandle(app), 0, -300);
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(
    'Finished · epoch',
    { timeout: 150_000 },
  );
  // Train stays in reach in the Training tab's own column.
  await expect(app.getByRole('button', { name: 'Train', exact: true })).toBeInViewport();
  const wider = await app.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wider).toBeLessThanOrEqual(0);
  await shot(testInfo, 'training view, taller dock', app);

  // From another tab, the toolbar's alert leads back to the alert itself.
  await app.getByRole('tab', { name: 'Data' }).click();
  await app
    .getByRole('group', { name: 'Training (toolbar)' })
    .getByRole('button', { name: /^Latest alert: .+ at epoch \d+/ })
    .click();
  await expect(app.getByRole('tab', { name: 'Training' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    app.getByRole('list', { name: 'Alerts' }).getByRole('alert').last(),
  ).toBeInViewport();
});
