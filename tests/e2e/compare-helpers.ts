/**
 * Steps the Compare, sweep and export specs share: an iris MLP ready to train, a run to its
 * end, saving through the in-app picker, exporting a chart, reading a PNG's colours, and
 * saving then reopening the project.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** iris loaded and accepted, the "MLP classifier" template on the canvas, `epochs` set. */
export async function irisMlp(app: Page, epochs: string) {
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('iris.csv');
  await app.getByRole('button', { name: 'Use this dataset' }).click();
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill(epochs);
}

/** Trains the canvas network and waits until its last epoch is done. */
export async function train(app: Page, epochs: string) {
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(
    `Finished · epoch ${epochs}/${epochs}`,
    { timeout: 60_000 },
  );
}

/** Saves through the in-app picker under `name`, and waits for the notice. */
export async function saveAs(app: Page, title: string, name: string) {
  const picker = app.getByRole('dialog', { name: title });
  await picker.getByLabel('File name').fill(name);
  await picker.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(picker).toBeHidden();
  await expect(app.getByText(`Exported ${name}.`)).toBeVisible();
}

/** "Export chart…" ▸ SVG or PNG on `figure`, saved as `name` in the workspace. */
export async function exportChart(app: Page, figure: Locator, kind: 'SVG' | 'PNG', name: string) {
  await figure.hover();
  await figure.getByRole('button', { name: 'Export chart…' }).click();
  await figure.getByRole('menuitem', { name: new RegExp(`^${kind}`) }).click();
  await saveAs(app, `Export as ${kind}`, name);
}

/** How many distinct colours a PNG (bytes) shows, sampling every 7th pixel, read by the page. */
export function pngColours(app: Page, png: Buffer): Promise<number> {
  return app.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<string>();
    for (let i = 0; i < d.length; i += 4 * 7) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
    return seen.size;
  }, png.toString('base64'));
}

/** Ctrl+S as `name`, New, then Open it again from the workspace. */
export async function saveAndReopen(app: Page, name: string) {
  await app.keyboard.press('Control+s');
  const save = app.getByRole('dialog', { name: 'Save the project' });
  await save.getByLabel('File name').fill(name);
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText(`Saved ${name}.layerlab.`)).toBeVisible();
  await app.getByRole('button', { name: 'New', exact: true }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
  await app.getByRole('button', { name: 'Open…' }).click();
  await app
    .getByRole('dialog', { name: 'Open a project' })
    .getByRole('button', { name: new RegExp(`${name}\\.layerlab`) })
    .dblclick();
  await expect(app).toHaveTitle(new RegExp(`^${name}\\.layerlab — Layerlab`));
}

/** Training ▸ Compare Runs… from the command palette; the Compare dialog. */
export async function openCompare(app: Page) {
  await app.keyboard.press('Control+k');
  await app.keyboard.type('Compare Runs');
  await app.keyboard.press('Enter');
  const compare = app.getByRole('dialog', { name: 'Compare' });
  await expect(compare).toBeVisible();
  return compare;
}
