/** What the boundary specs share: the circles dataset, the 2-8-8-1 network, training, pixels. */
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);

/** Generates the circles dataset from the Data panel and accepts it. */
export async function generateCircles(page: Page): Promise<void> {
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
export async function network(page: Page, fn: 'tanh' | 'none'): Promise<void> {
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

export async function hiddenActivation(page: Page, fn: 'tanh' | 'none'): Promise<void> {
  for (const id of ['activation_1', 'activation_2']) {
    await node(page, id).click();
    await page.getByLabel('Function').selectOption(fn);
  }
}

export async function trainWithBoundaryOpen(page: Page, epochs: number): Promise<void> {
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
export async function paintedClasses(page: Page, n: number): Promise<number[][]> {
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

/** A digest of every painted pixel of the boundary canvas (two different paints differ). */
export async function paintedDigest(page: Page): Promise<string> {
  return page.locator('canvas.boundary-canvas').evaluate(async (el) => {
    const c = el as HTMLCanvasElement;
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const hash = await crypto.subtle.digest('SHA-256', px);
    return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
  });
}

/** Toggles "Edges by weight" from the View menu, as a person would. */
export async function toggleEdgesByWeight(page: Page): Promise<void> {
  await page
    .getByRole('menubar', { name: 'Menu' })
    .getByRole('menuitem', { name: 'View', exact: true })
    .click();
  await page
    .getByRole('menu', { name: 'View' })
    .getByRole('menuitem', { name: /Edges by Weight/ })
    .click();
}

/** A screenshot kept with the test's results (a file, and attached to the report). */
export async function keepShot(what: Locator | Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`);
  await what.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
