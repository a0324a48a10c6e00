import { copyFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { test, expect, openCsv } from './fixtures';
import { keepShot } from './boundary-helpers';

const EPOCHS = 3000;

/** Path points (M or L commands) per pixel column of the figure's SVG, at most. */
async function pointsPerColumn(figure: Locator, selector: string): Promise<number> {
  return figure.evaluate((f, sel) => {
    const width = f.querySelector('svg')!.getBoundingClientRect().width;
    const most = Math.max(
      ...[...f.querySelectorAll(sel)].map(
        (p) => (p.getAttribute('d') ?? '').split(/[ML]/).length - 1,
      ),
    );
    return most / width;
  }, selector);
}

test('a run of thousands of epochs draws each curve with at most two points per pixel column', async ({
  app,
  host,
  consoleErrors,
}, testInfo) => {
  // The UI benchmark's dataset: 569 rows × 30 features, its loss noisy at batch 32.
  copyFileSync(
    path.resolve(__dirname, '../../bench/ui/breast_cancer.csv'),
    path.join(host.workspace, 'data', 'breast_cancer.csv'),
  );
  await openCsv(app, 'data', 'breast_cancer.csv');
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill(String(EPOCHS));
  await app.getByLabel('Batch size').fill('32');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(/Finished/, {
    timeout: 120_000,
  });

  // Training tab: every epoch counted, but no more than two path points per pixel column.
  const loss = app.getByRole('figure', { name: /Loss per epoch/ });
  await expect(loss.getByRole('img', { name: `Loss over ${EPOCHS} epochs` })).toBeVisible();
  expect(await pointsPerColumn(loss, '.chart-line')).toBeLessThanOrEqual(2);
  await keepShot(app.locator('.charts'), testInfo, 'training charts, long run');

  await app.getByRole('tab', { name: 'Diagnostics' }).click();
  const panel = app.getByRole('region', { name: 'Diagnostics' });
  const grad = panel.getByRole('figure', { name: 'Gradient norm' });
  await expect(grad).toBeVisible();
  expect(await pointsPerColumn(grad, '.mini-line')).toBeLessThanOrEqual(2);

  await keepShot(panel.locator('.mini-charts'), testInfo, 'diagnostics charts, long run');
  expect(consoleErrors).toEqual([]);
});
