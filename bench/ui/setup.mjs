// Shared by the UI benchmarks: the app with bench/ui/breast_cancer.csv and the MLP template,
// and a long training run (100,000 epochs, batch 32) to click through.

/** Opens the app at `url` with the dataset accepted and the MLP classifier template. */
export async function openBreastCancerMlp(page, url) {
  page.setDefaultTimeout(120_000);
  // Skip the start screen (renderer/panels/start/store.ts), as the e2e fixtures do.
  await page.addInitScript(() => localStorage.setItem('layerlab-start:skip', '1'));
  await page.goto(url);
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Open CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a CSV file' });
  await dialog.getByRole('button', { name: /breast_cancer\.csv/ }).dblclick();
  await page.getByRole('button', { name: 'Use this dataset' }).click();
  await page
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
}

/** Starts a run long enough to outlast the clicks, and waits for its first epoch. */
export async function startLongTraining(page) {
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('Epochs').fill('100000');
  await page.getByLabel('Batch size').fill('32');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page
    .getByRole('status', { name: 'Training progress' })
    .filter({ hasText: 'epoch' })
    .waitFor();
}
