import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, openCsv } from './fixtures';

/** A numeric target: 60 rows of two features and a price (a regression). */
function pricesCsv(): string {
  const lines = ['rooms,age,price'];
  for (let i = 0; i < 60; i++)
    lines.push(`${1 + (i % 6)},${(i * 7) % 40},${(50 + i * 3.7 + (i % 5) * 1.3).toFixed(2)}`);
  return lines.join('\n') + '\n';
}

test('a sigmoid + BCE network on a regression CSV shows the problem and cannot start training', async ({
  app,
  host,
}) => {
  writeFileSync(path.join(host.workspace, 'data', 'prices.csv'), pricesCsv());
  await openCsv(app, 'data', 'prices.csv');
  await expect(app.getByRole('status', { name: 'Dataset summary' })).toContainText('regression');

  // The classification template (Dense → sigmoid → Output with BCE) on the numeric target.
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'Logistic regression' });
  await expect(app.locator('.react-flow__node')).toHaveCount(4);

  const message =
    /Output "output_1" uses binary cross-entropy, but the target is a number \(a regression\): set the loss to mean squared error \(mse\) and delete Activation "activation_1"/;
  await expect(app.getByRole('region', { name: 'Network problems' })).toContainText(message);
  await app.getByRole('tab', { name: /Problems/ }).click();
  const problems = app.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText(message);

  // A click on the problem selects the Output node, whose inspector repeats it.
  await problems.getByRole('button', { name: message }).click();
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText(message);

  await app.getByRole('tab', { name: 'Training' }).click();
  const train = app.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeDisabled();
  await expect(train).toHaveAttribute('title', message);

  // Following the advice (loss mse, sigmoid removed) makes it trainable.
  await app.getByRole('combobox', { name: 'Start from a template' }).selectOption({
    label: 'Regression MLP',
  });
  await expect(train).toBeEnabled();
});
