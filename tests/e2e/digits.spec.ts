import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, openCsv, test } from './fixtures';

/** The first data row of digits.csv: 64 pixel values 0–16, then the label. */
const firstRow = readFileSync(
  path.resolve(__dirname, '../fixtures/workspace/data/digits.csv'),
  'utf8',
)
  .split('\n')[1]!
  .split(',')
  .map(Number);

/** The grey levels (red channel) of a canvas at its own resolution. */
async function greys(canvas: Locator): Promise<number[]> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return Array.from({ length: d.length / 4 }, (_, i) => d[i * 4]!);
  });
}

/** A screenshot of `what`, kept with the test's results. */
async function shot(testInfo: TestInfo, name: string, what: Locator) {
  const file = testInfo.outputPath(`${name.replace(/ /g, '-')}.png`);
  await what.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

async function digitsWithMlp(app: Page) {
  await openCsv(app, 'data', 'digits.csv');
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await expect(app.locator('.react-flow__node')).toHaveCount(9);
}

test('draws the first rows of digits.csv as 8 × 8 images beside their label', async ({
  app,
}, testInfo) => {
  await openCsv(app, 'data', 'digits.csv');
  const images = app.getByRole('figure', { name: 'First rows as images' });
  await expect(images).toContainText('64 pixel columns drawn as 8 × 8 images');
  await expect(images.locator('canvas')).toHaveCount(20);
  const first = images.getByRole('img', { name: `Row 1, label ${firstRow[64]}` });
  await expect(first).toHaveAttribute('width', '8');
  // Each pixel is the row's value in grey: 0 white, 16 black (ink on paper).
  const drawn = await greys(first);
  const want = firstRow.slice(0, 64).map((v) => Math.round(255 * (1 - v / 16)));
  drawn.forEach((g, i) => expect(Math.abs(g - want[i]!)).toBeLessThanOrEqual(1));
  // A zero: its centre is paper, the ring around it ink.
  expect(drawn[3 * 8 + 3]!).toBeGreaterThan(200);
  expect(drawn[3 * 8 + 2]!).toBeLessThan(100);
  await images.scrollIntoViewIfNeeded();
  await shot(testInfo, 'digits preview', app.locator('body'));
});

test('augments digits as 8 × 8 images with flips off and shifts suggested, then lists a confusion cell as images', async ({
  app,
}, testInfo) => {
  await digitsWithMlp(app);
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Rows are images').check();
  await expect(app.getByLabel('Width')).toHaveValue('8');
  await expect(app.getByLabel('Height')).toHaveValue('8');
  await expect(app.getByLabel('Random flips')).not.toBeChecked();
  await expect(app.getByRole('note')).toContainText('Shifts of a pixel or two keep the class');

  // Three pixel columns are blank in every row and are no network input: the preview still
  // works on the whole 8 × 8 grid.
  await app.getByRole('button', { name: 'Preview augmented rows' }).click();
  const preview = app.getByRole('figure', { name: 'Augmentation preview' });
  await expect(preview.locator('canvas')).toHaveCount(10);
  await expect(app.getByRole('alert')).toHaveCount(0);
  const pairs = await Promise.all(
    [1, 2, 3, 4, 5].map(async (i) => [
      await greys(preview.getByRole('img', { name: `Row ${i}, original` })),
      await greys(preview.getByRole('img', { name: `Row ${i}, augmented` })),
    ]),
  );
  expect(pairs.some(([a, b]) => a!.some((g, j) => g !== b![j]))).toBe(true);
  expect(pairs.every(([a]) => new Set(a).size > 3)).toBe(true);
  await preview.scrollIntoViewIfNeeded();
  await shot(testInfo, 'augmented digits', app.locator('body'));

  await app.getByLabel('Epochs').fill('5');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(
    'Finished · epoch 5/5',
    { timeout: 60_000 },
  );
  const cell = app
    .getByRole('table', { name: 'Confusion matrix' })
    .getByRole('button', { name: /rows of class 0 predicted as 0/ });
  const count = Number(await cell.textContent());
  expect(count).toBeGreaterThan(0);
  await cell.click();
  const rows = app.getByRole('figure', { name: 'Rows in the chosen cell as images' });
  await expect(rows.locator('canvas')).toHaveCount(Math.min(count, 200));
  expect(new Set(await greys(rows.locator('canvas').first())).size).toBeGreaterThan(3);
  // Large enough to read a digit: 8 × 8 pixels drawn 48 px wide.
  expect((await rows.locator('canvas').first().boundingBox())!.width).toBe(48);
  await rows.scrollIntoViewIfNeeded();
  await shot(testInfo, 'confusion cell rows', app.locator('body'));
});
