import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Two interleaved spirals (x, y, class), seeded, as a CSV in the workspace's data folder. */
function writeSpiral(workspace: string, rows = 400): void {
  let s = 7;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
  const lines = ['x,y,arm'];
  for (let i = 0; i < rows; i++) {
    const arm = i % 2;
    const t = (i / rows) * 3 * Math.PI + 0.5;
    const a = t + arm * Math.PI;
    const x = (t / 5) * Math.cos(a) + 0.1 * rand();
    const y = (t / 5) * Math.sin(a) + 0.1 * rand();
    lines.push(`${x.toFixed(4)},${y.toFixed(4)},${arm === 0 ? 'inner' : 'outer'}`);
  }
  writeFileSync(path.join(workspace, 'data', 'spiral.csv'), lines.join('\n'));
}

async function spiralWithReluMlp(page: Page, workspace: string): Promise<void> {
  writeSpiral(workspace);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Open CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a CSV file' });
  await dialog.getByRole('button', { name: /data/ }).click();
  await dialog.getByRole('button', { name: /spiral\.csv/ }).dblclick();
  await expect(page.getByText('spiral.csv · 400 rows · 3 columns')).toBeVisible();
  await page.getByRole('button', { name: 'Use this dataset' }).click();
  // Input → Dense → ReLU → Dropout → Dense → ReLU → Dense → Sigmoid → Output.
  await page
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await page.getByRole('tab', { name: 'Training' }).click();
}

test('ReLU at learning rate 1.0 on the spiral: the dead share rises and the alert names the Dense node', async ({
  app,
  host,
  consoleErrors,
}) => {
  await spiralWithReluMlp(app, host.workspace);
  await app.getByLabel('Epochs').fill('30');
  await app.getByLabel('Learning rate').fill('1');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(
    /Finished|Stopped|diverged/i,
    { timeout: 60_000 },
  );

  // The monitor's dead-unit alert names the layer by its canvas node id.
  const dead = app.getByText(/^Dead units: \d+ of \d+ ReLU units .* in "dense_[12]" output 0/);
  await expect(dead.first()).toBeVisible();

  await app.getByRole('tab', { name: 'Diagnostics' }).click();
  const panel = app.getByRole('region', { name: 'Diagnostics' });
  const chart = panel.getByRole('figure', { name: 'Dead ReLU share' });
  await expect(chart).toBeVisible();
  await expect(panel.getByRole('figure', { name: 'Gradient norm' })).toBeVisible();
  await expect(panel.getByRole('figure', { name: 'Weight norm' })).toBeVisible();
  // The legend reads "dense_1 first % → last %": some ReLU layer ends with more dead units than
  // it started with, and at least half of them dead.
  const legends = await chart.locator('.mini-key').allTextContents();
  const moves = legends.map((t) => /(\d+) % → (\d+) %/.exec(t)!.slice(1).map(Number));
  expect(moves.some(([first, last]) => last! > first! && last! >= 50)).toBe(true);

  const table = panel.getByRole('table', { name: 'Layers in the latest epoch' });
  await expect(table.getByRole('cell', { name: 'dense_1', exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'dense_3', exact: true })).toBeVisible();

  // The canvas nodes carry the latest numbers as a badge.
  await expect(app.getByLabel('diagnostics of dense_1')).toContainText('dead');
  expect(consoleErrors).toEqual([]);
});

test('after training: five seeds as a band, dropout at test time, and a landscape slice', async ({
  app,
  host,
  consoleErrors,
}) => {
  await spiralWithReluMlp(app, host.workspace);
  await app.getByLabel('Epochs').fill('5');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText('Finished', {
    timeout: 60_000,
  });
  const analyses = app.getByRole('region', { name: 'Seeds and dropout at test time' });
  await analyses.getByRole('button', { name: 'Train with 5 seeds' }).click();
  const finals = analyses.getByRole('definition').first();
  await expect(finals).toHaveText(/^\d+\.\d{4} ± \d+\.\d{4}$/, { timeout: 60_000 });
  await expect(
    analyses.getByRole('figure', { name: /Loss over seeds 42, 43, 44, 45, 46/ }),
  ).toBeVisible();

  await analyses.getByRole('button', { name: /Evaluate with dropout on/ }).click();
  const spread = Number(await analyses.locator('.mc-spread').textContent({ timeout: 30_000 }));
  expect(spread).toBeGreaterThan(0);
  await expect(analyses).toContainText('Dropout is off at test time');

  await app.getByRole('tab', { name: 'Diagnostics' }).click();
  await app.getByRole('button', { name: 'Compute the loss landscape' }).click();
  await expect(app.getByRole('figure', { name: /Loss along α/ })).toBeVisible({ timeout: 30_000 });
  expect(consoleErrors).toEqual([]);
});
