import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);

/** Generates the circles dataset from the Data panel and accepts it. */
async function generateCircles(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Generate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate a dataset' });
  await dialog.getByLabel('Kind').selectOption('circles');
  await dialog.getByLabel('Size').fill('400');
  await dialog.getByLabel('Noise').fill('0.05');
  await dialog.getByLabel('Seed').fill('3');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(page.getByRole('status', { name: 'Dataset summary' })).toContainText('2 classes');
}

/** The MLP template made 2-8-8-1 with the given hidden activation (sigmoid + BCE output). */
async function network(page: Page, fn: 'tanh' | 'none'): Promise<void> {
  await page
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  for (const id of ['dense_1', 'dense_2']) {
    await node(page, id).click();
    await page.getByLabel('Units').fill('8');
    await expect(node(page, id)).toContainText('8 units');
  }
  await hiddenActivation(page, fn);
}

async function hiddenActivation(page: Page, fn: 'tanh' | 'none'): Promise<void> {
  for (const id of ['activation_1', 'activation_2']) {
    await node(page, id).click();
    await page.getByLabel('Function').selectOption(fn);
  }
}

async function trainWithBoundaryOpen(page: Page, epochs: number): Promise<void> {
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByRole('spinbutton', { name: 'Epochs' }).fill(String(epochs));
  await page.getByRole('spinbutton', { name: 'Learning rate' }).fill('0.03');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('tab', { name: 'Boundary' }).click();
  // Live: a frame arrives while training runs, and the last one is of the final epoch.
  await expect(page.getByRole('status', { name: 'Boundary epoch' })).toContainText(
    `epoch ${epochs}`,
    { timeout: 60_000 },
  );
  await page.getByRole('checkbox', { name: 'Points' }).uncheck();
}

/** The painted class (0 orange, 1 blue) on an n × n lattice of the canvas's pixels. */
async function paintedClasses(page: Page, n: number): Promise<number[][]> {
  return page.locator('canvas.boundary-canvas').evaluate((el, n) => {
    const c = el as HTMLCanvasElement;
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return Array.from({ length: n }, (_, j) =>
      Array.from({ length: n }, (_, i) => {
        const x = Math.floor(((i + 0.5) / n) * c.width);
        const y = Math.floor(((j + 0.5) / n) * c.height);
        const o = (y * c.width + x) * 4;
        return px[o]! > px[o + 2]! ? 0 : 1;
      }),
    );
  }, n);
}

const changes = (line: number[]) => line.slice(1).filter((v, i) => v !== line[i]).length;

test('on circles, a 2-8-8-1 tanh network bends its boundary around the centre; a linear one stays straight', async ({
  app,
}) => {
  await generateCircles(app);
  await network(app, 'tanh');
  await trainWithBoundaryOpen(app, 150);
  const canvas = app.getByRole('img', { name: /Decision boundary over x1 and x2/ });
  await expect(canvas).toBeVisible();
  const bent = await paintedClasses(app, 9);
  const centre = bent[4]![4]!;
  // The disc is the inner class (orange), every corner is the ring's class.
  expect(centre).toBe(0);
  for (const corner of [bent[0]![0]!, bent[0]![8]!, bent[8]![0]!, bent[8]![8]!])
    expect(corner).not.toBe(centre);
  // Across the middle the class changes twice: in and out of the disc.
  expect(changes(bent[4]!)).toBeGreaterThanOrEqual(2);

  // The same network without its nonlinearity: a linear model, whatever its depth.
  await hiddenActivation(app, 'none');
  await trainWithBoundaryOpen(app, 40);
  const straight = await paintedClasses(app, 16);
  // A half-plane: along every row and every column the class changes at most once.
  for (let k = 0; k < 16; k++) {
    expect(changes(straight[k]!)).toBeLessThanOrEqual(1);
    expect(changes(straight.map((row) => row[k]!))).toBeLessThanOrEqual(1);
  }
});

test('selecting a Dense node with the Boundary tab open shows one thumbnail per unit', async ({
  app,
}) => {
  await generateCircles(app);
  await network(app, 'tanh');
  await trainWithBoundaryOpen(app, 20);
  await node(app, 'dense_1').click();
  const units = app
    .getByRole('region', { name: 'Decision boundary' })
    .getByRole('region', { name: 'Neurons of the selected node' });
  await expect(units.getByRole('figure')).toHaveCount(8);
  await expect(units).toContainText('dense_1: 8 units');
  await node(app, 'dense_3').click();
  await expect(units.getByRole('figure')).toHaveCount(1);
});
