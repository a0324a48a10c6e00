import { expect, test } from './fixtures';

test('sweeps L2 λ on the "overfits on purpose" template on wine: a U-curve with its optimum inside, and Apply best sets λ', async ({
  app,
}) => {
  test.setTimeout(240_000);
  await app.getByRole('tab', { name: 'Data' }).click();
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('wine.csv');
  // A split on which the unregularized network's validation loss is beaten by a moderate λ
  // (checked with `layerlab sweep --param l2=… --seeds 3 --epochs 20 --lr 0.001`).
  await app.getByLabel('Seed', { exact: true }).fill('2');
  await app.getByRole('button', { name: 'Apply split' }).click();
  await app.getByRole('button', { name: 'Use this dataset' }).click();
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'Overfits on purpose' });
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('20');
  await app.getByLabel('Learning rate').fill('0.001');
  await app.getByRole('button', { name: 'Sweep…' }).click();

  const dialog = app.getByRole('dialog', { name: 'Sweep' });
  await expect(dialog.getByLabel('Values 1')).toHaveValue('0,1e-4,1e-3,1e-2,1e-1,1');
  await dialog.getByLabel('Seeds per value').fill('3');
  await dialog.getByRole('button', { name: 'Run sweep' }).click();
  await expect(dialog.getByRole('list', { name: 'Sweep progress' })).toBeVisible();

  const results = dialog.getByRole('region', { name: 'Sweep results' });
  await expect(results).toBeVisible({ timeout: 200_000 });
  await expect(results.getByRole('figure', { name: 'U-curve of l2' })).toBeVisible();
  await expect(results.getByTestId('sweep-best')).toBeVisible();
  const best = (await results.getByTestId('sweep-best-value').textContent()) ?? '';
  const value = /Best l2: ([0-9.e-]+)/.exec(best)![1]!;
  // The validation optimum is at neither end of the range.
  expect(['0.0001', '0.001', '0.01', '0.1']).toContain(value);
  expect(best).not.toMatch(/end of the range/);
  await expect(
    results.getByRole('table', { name: 'Sweep variants' }).locator('tbody tr'),
  ).toHaveCount(18);

  await results.getByRole('button', { name: /Apply best/ }).click();
  await expect(results.getByRole('status')).toContainText(`L2 λ set to ${Number(value)}`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(app.getByLabel('L2 λ')).toHaveValue(String(Number(value)));
});
