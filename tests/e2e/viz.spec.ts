import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);

/** Circles (400 points, seed 3) and the MLP template made 2-8-8-1 with tanh units. */
async function circlesNetwork(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Generate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Generate a dataset' });
  await dialog.getByLabel('Kind').selectOption('circles');
  await dialog.getByLabel('Size').fill('400');
  await dialog.getByLabel('Seed').fill('3');
  await dialog.getByRole('button', { name: 'Generate' }).click();
  await page.getByRole('button', { name: 'Use this dataset' }).click();
  await page
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  for (const id of ['dense_1', 'dense_2']) {
    await node(page, id).click();
    await page.getByLabel('Units').fill('8');
    await expect(node(page, id)).toContainText('8 units');
  }
  for (const id of ['activation_1', 'activation_2']) {
    await node(page, id).click();
    await page.getByLabel('Function').selectOption('tanh');
  }
}

test('selecting dense_1 after training shows one thumbnail per unit in the inspector', async ({
  app,
}) => {
  await circlesNetwork(app);
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByRole('spinbutton', { name: 'Epochs' }).fill('20');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Train', exact: true })).toBeEnabled({
    timeout: 60_000,
  });
  // The Boundary tab stays closed: the inspector asks for the units itself.
  await node(app, 'dense_1').click();
  const inspector = app.getByRole('complementary', { name: 'Inspector' });
  const units = inspector.getByRole('region', { name: 'Neurons of the selected node' });
  await expect(units.getByRole('figure')).toHaveCount(8, { timeout: 30_000 });
  await expect(units).toContainText('dense_1: 8 units');
  await app.screenshot({ path: 'test-results/viz-inspector-neurons.png' });
  await node(app, 'dense_3').click();
  await expect(units.getByRole('figure')).toHaveCount(1);
});
