/** Runs keep the network they trained: the runs table names layer changes, stale results are marked. */
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

async function irisWithMlp(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('iris.csv');
  await page.getByRole('button', { name: 'Use this dataset' }).click();
  await page
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await page.getByRole('tab', { name: 'Training' }).click();
}

test('a run keeps its network: the runs table says "dense_1 units 32 → 4", and results of an earlier network are marked', async ({
  app,
}) => {
  await irisWithMlp(app);
  await app.getByLabel('Epochs', { exact: true }).fill('3');
  const progress = app.getByRole('status', { name: 'Training progress' });
  const train = app.getByRole('button', { name: 'Train', exact: true });
  const dense1 = app.getByRole('group', { name: 'Dense node dense_1' });
  const evaluation = app.getByRole('region', { name: 'Evaluation' });
  const marks = app.getByRole('note', { name: 'Results from an earlier network' });
  const setUnits = async (units: string) => {
    await dense1.click();
    await app.getByLabel('Units').fill(units);
    await expect(dense1).toContainText(`${units} units`);
  };

  await expect(dense1).toContainText('32 units');
  await train.click();
  await expect(progress).toContainText('Finished · epoch 3/3');
  await expect(evaluation).toBeVisible();
  await expect(marks).toHaveCount(0);

  // The results on show are now the 32-unit network's: marked, until a run on the new network.
  await setUnits('4');
  await expect(evaluation).toContainText(/from run\d+ \(network changed\)/);
  await train.click();
  await expect(progress).toContainText('Finished · epoch 3/3');
  await expect(marks).toHaveCount(0);

  const runs = app.getByRole('region', { name: 'Runs' });
  await expect(runs.locator('tbody tr')).toHaveCount(1);
  const first = (await runs.locator('tbody tr td').nth(1).textContent())!;
  await expect(runs.locator('tbody tr')).toContainText('dense_1 units 32 → 4');
  await expect(runs).not.toContainText('same network, same settings');
  await runs.getByRole('checkbox').check();
  await expect(
    app.getByText(`Dashed: validation curves of ${first} (network: dense_1 units 32 → 4)`),
  ).toBeVisible();

  // A further edit marks the second run's evaluation, prediction and weights.
  await setUnits('8');
  await expect(evaluation).toContainText(/from run\d+ \(network changed\)/);
  await expect(evaluation).not.toContainText(`from ${first} `);
  await expect(app.getByRole('region', { name: 'Predict a row' })).toContainText(
    /the prediction comes from the model run\d+ trained/,
  );
  await expect(marks).toHaveCount(3);
  // Back to the trained network: the marks go, nothing stale was kept.
  await setUnits('4');
  await expect(marks).toHaveCount(0);
});
