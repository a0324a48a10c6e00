import { test, expect, sampleWithTemplate } from './fixtures';
import type { Page } from '@playwright/test';

async function irisWithMlp(page: Page): Promise<void> {
  await sampleWithTemplate(page, 'iris.csv', 'MLP classifier');
  await expect(page.locator('.react-flow__node')).toHaveCount(9);
  await page.getByRole('tab', { name: 'Training' }).click();
}

const epochShown = async (page: Page) =>
  Number(
    /epoch (\d+)\//.exec(
      (await page.getByRole('status', { name: 'Training progress' }).textContent()) ?? '',
    )?.[1] ?? 0,
  );

test('trains the MLP template on iris for 50 epochs: curves, test accuracy, the confusion matrix, predictions', async ({
  app,
}) => {
  await irisWithMlp(app);
  await app.getByLabel('Epochs').fill('50');
  // Small batches: many steps per epoch, so the run lasts long enough to watch it grow.
  await app.getByLabel('Batch size').fill('1');
  await app.getByLabel('Learning rate').fill('0.003');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = app.getByRole('status', { name: 'Training progress' });
  await expect(progress).toContainText('Finished · epoch 50/50', { timeout: 30_000 });
  // Both charts show the 50 epochs of training and validation.
  await expect(
    app.getByRole('figure', { name: /Loss per epoch/ }).locator('.chart-line'),
  ).toHaveCount(2);
  await expect(
    app.getByRole('figure', { name: /Accuracy per epoch/ }).locator('.chart-line'),
  ).toHaveCount(2);

  const evaluation = app.getByRole('region', { name: 'Evaluation' });
  const acc = Number(await evaluation.locator('dt:has-text("Test accuracy") + dd').textContent());
  expect(acc).toBeGreaterThanOrEqual(0.9);
  const confusion = app.getByRole('table', { name: 'Confusion matrix' });
  await expect(confusion).toBeVisible();
  await expect(confusion.getByRole('columnheader', { name: '2', exact: true })).toBeVisible();

  // The weights view shows each Dense layer's histogram and its share of near-zero weights.
  await expect(app.getByRole('region', { name: 'Weights' }).getByRole('figure')).toHaveCount(3);
  await expect(app.getByRole('region', { name: 'Weights' })).toContainText('% near 0');

  // A typed row gets a prediction: a short-petalled flower is class 0 (setosa).
  const predict = app.getByRole('region', { name: 'Predict a row' });
  await predict.getByLabel('sepal_length_cm').fill('5.0');
  await predict.getByLabel('sepal_width_cm').fill('3.4');
  await predict.getByLabel('petal_length_cm').fill('1.5');
  await predict.getByLabel('petal_width_cm').fill('0.2');
  await predict.getByRole('button', { name: 'Predict' }).click();
  await expect(predict.getByRole('status', { name: 'Prediction' })).toContainText(
    'Predicted class: 0',
  );

  // A cell lists its rows, with their line numbers in the file.
  const cell = confusion.getByRole('button', { name: /rows of class 1 predicted as 1/ });
  const count = Number(await cell.textContent());
  await cell.click();
  const rows = app.getByRole('table', { name: 'Rows in the chosen cell' });
  await expect(rows.locator('tbody tr')).toHaveCount(count);
  await expect(rows.locator('tbody tr').first().locator('td').last()).toHaveText('1');
});

test('the charts grow while training; pause stops the epochs, resume goes on, stop ends the run; the graph is locked meanwhile', async ({
  app,
}) => {
  await irisWithMlp(app);
  await app.getByLabel('Epochs').fill('100000');
  await app.getByLabel('Batch size').fill('1');
  await app.getByLabel('Learning rate').fill('0.001');
  // Record each redraw of the loss curve with the epoch the progress line showed then.
  await app.evaluate(() => {
    const w = window as unknown as { __draws: { epoch: number; length: number }[] };
    w.__draws = [];
    new MutationObserver(() => {
      const d =
        document.querySelector('[aria-label^="Loss per epoch"] .chart-line')?.getAttribute('d') ??
        '';
      const status = document.querySelector('[aria-label="Training progress"]')?.textContent ?? '';
      const epoch = Number(/epoch (\d+)\//.exec(status)?.[1] ?? 0);
      if (d.length && d.length !== w.__draws.at(-1)?.length)
        w.__draws.push({ epoch, length: d.length });
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['d'],
    });
  });
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = app.getByRole('status', { name: 'Training progress' });
  await expect.poll(() => epochShown(app)).toBeGreaterThan(2);

  // The charts grow while training runs: redrawn at increasing epochs, with longer curves.
  await expect
    .poll(
      async () =>
        (await app.evaluate(() => (window as unknown as { __draws: unknown[] }).__draws)).length,
    )
    .toBeGreaterThanOrEqual(3);
  const draws = await app.evaluate(
    () => (window as unknown as { __draws: { epoch: number; length: number }[] }).__draws,
  );
  expect(draws.at(-1)!.epoch).toBeGreaterThan(draws[0]!.epoch);
  expect(draws.at(-1)!.length).toBeGreaterThan(draws[0]!.length);

  await app.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(progress).toContainText('Paused');
  await app.waitForTimeout(300);
  const paused = await epochShown(app);
  await app.waitForTimeout(800);
  expect(await epochShown(app)).toBe(paused);

  await app.getByRole('button', { name: 'Step one epoch' }).click();
  await expect.poll(() => epochShown(app)).toBe(paused + 1);
  await expect(progress).toContainText('Paused');

  // Editing the network while it trains is refused with a message.
  await app.getByRole('button', { name: 'Dense', exact: true }).click();
  await expect(
    app.getByRole('alert').filter({ hasText: 'stop the training to change it' }),
  ).toBeVisible();
  await expect(app.locator('.react-flow__node')).toHaveCount(9);

  await app.getByRole('button', { name: 'Resume', exact: true }).click();
  await expect.poll(() => epochShown(app)).toBeGreaterThan(paused + 2);
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(progress).toContainText('Finished');
  await expect(app.getByRole('region', { name: 'Evaluation' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('the "overfits on purpose" template on wine raises the overfitting alert with a marker, and restoring the best epoch works', async ({
  app,
}) => {
  // A split on which this network's validation loss turns up (the monitor stays silent when it does not).
  await sampleWithTemplate(app, 'wine.csv', 'Overfits on purpose', 1);
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('80');
  await app.getByLabel('Learning rate').fill('0.001');
  await app.getByLabel('Seed').fill('1');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText('Finished', {
    timeout: 60_000,
  });

  const alert = app
    .getByRole('list', { name: 'Alerts' })
    .getByRole('alert')
    .filter({ hasText: /Overfitting at epoch \d+/ });
  await expect(alert).toBeVisible();
  await expect(
    app.getByRole('figure', { name: /Loss per epoch/ }).locator('.chart-marker'),
  ).not.toHaveCount(0);
  const restore = alert.getByRole('button', { name: /Restore the best epoch \((\d+)\)/ });
  const best = /\((\d+)\)/.exec((await restore.textContent()) ?? '')![1];
  await restore.click();
  await expect(app.getByRole('region', { name: 'Evaluation' })).toContainText(
    `weights of epoch ${best} (the best)`,
  );
});

test('previews augmented training rows: Gaussian noise changes the values, seeded', async ({
  app,
}) => {
  await irisWithMlp(app);
  await app.getByLabel('Gaussian noise').check();
  await app.getByLabel('Noise σ').fill('0.5');
  await app.getByRole('button', { name: 'Preview augmented rows' }).click();
  const table = app.getByRole('table', { name: 'Augmentation preview' });
  await expect(table.locator('tbody tr')).toHaveCount(5);
  const cell = table.locator('tbody tr').first().locator('td').nth(1);
  const [original, augmented] = ((await cell.innerText()) ?? '').split('\n').map(Number);
  expect(augmented).not.toBe(original);
  // The same seed gives the same augmented values.
  await app.getByRole('button', { name: 'Preview augmented rows' }).click();
  expect(((await cell.innerText()) ?? '').split('\n').map(Number)[1]).toBe(augmented);
});

test('a regression reports MAE in the target units and plots predicted vs actual and residuals', async ({
  app,
}) => {
  await app.getByRole('tab', { name: 'Data' }).click();
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('iris.csv');
  await app.getByRole('combobox', { name: 'Target column' }).selectOption('petal_width_cm');
  await expect(app.getByRole('combobox', { name: 'Task' })).toHaveValue(/regression|auto/);
  await app.getByRole('button', { name: 'Use this dataset' }).click();
  await app
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'Regression MLP' });
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByLabel('Epochs').fill('60');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText('Finished');
  await expect(app.getByRole('figure', { name: /Mean absolute error per epoch/ })).toBeVisible();
  await expect(app.getByRole('figure', { name: /Learning rate per epoch/ })).toBeVisible();
  const evaluation = app.getByRole('region', { name: 'Evaluation' });
  // Petal widths are 0.1–2.5 cm: an MAE in those units is well below 1 (in standardized units it would not be).
  const mae = Number(await evaluation.locator('dt:has-text("MAE") + dd').textContent());
  expect(mae).toBeGreaterThan(0);
  expect(mae).toBeLessThan(0.5);
  await expect(evaluation.getByRole('figure', { name: 'Predicted vs actual' })).toBeVisible();
  await expect(evaluation.getByRole('figure', { name: 'Residuals' })).toBeVisible();
});

test('earlier runs are listed with what differs, and two of them overlay the charts; early stopping restores the best epoch', async ({
  app,
}) => {
  await irisWithMlp(app);
  await app.getByLabel('Epochs', { exact: true }).fill('20');
  const progress = app.getByRole('status', { name: 'Training progress' });
  for (const l2 of ['0', '0.01']) {
    await app.getByLabel('L2 λ', { exact: true }).fill(l2);
    await app.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(progress).toContainText('Finished · epoch 20/20');
  }
  // Third run: early stopping with a patience of 3 on a long run.
  await app.getByLabel('Epochs', { exact: true }).fill('400');
  await app.getByLabel(/Early stopping/).check();
  await app.getByLabel('Patience (epochs)').fill('3');
  await app.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(progress).toContainText('Finished');
  await expect(
    app.getByText(/Early stopping: the validation loss had not improved for 3 epochs/),
  ).toBeVisible();
  await expect(app.getByRole('region', { name: 'Evaluation' })).toContainText(
    /weights of epoch \d+ \(the best\)/,
  );

  const runs = app.getByRole('region', { name: 'Runs' });
  await expect(runs.locator('tbody tr')).toHaveCount(2);
  await expect(runs).toContainText('epochs 20 → 400');
  await expect(runs).toContainText('early stopping off → patience 3');
  await runs.getByRole('checkbox').nth(0).check();
  await runs.getByRole('checkbox').nth(1).check();
  await expect(
    app.getByRole('figure', { name: /Loss per epoch/ }).locator('.chart-line'),
  ).toHaveCount(4);
  await expect(app.getByText(/^Dashed: validation curves of run\d+, run\d+$/)).toBeVisible();
});

test('says which backend trains and why; forcing the CPU or gpu.js is honoured or refused with the reason', async ({
  app,
}) => {
  await irisWithMlp(app);
  await app.getByLabel('Epochs').fill('3');
  const progress = app.getByRole('status', { name: 'Training progress' });
  const why = app.getByLabel('Backend choice');
  const backend = app.getByRole('combobox', { name: 'Backend' });
  const train = app.getByRole('button', { name: 'Train', exact: true });

  // auto: measured where gpu.js has a GL context, else the CPU with the reason.
  await expect(backend).toHaveValue('auto');
  await train.click();
  await expect(progress).toContainText('Finished · epoch 3/3', { timeout: 30_000 });
  await expect(why).toHaveText(
    /^CPU .*ms\/step vs gpu\.js .*ms\/step|^CPU: the gpu\.js backend is not available/,
  );

  await backend.selectOption('cpu');
  await train.click();
  await expect(progress).toContainText('Finished · epoch 3/3', { timeout: 30_000 });
  await expect(progress).toContainText(/backend CPU \(cpu-(simd|js)\)/);
  await expect(why).toHaveText('CPU chosen by the user');

  // gpu.js runs through a GL context or is refused, saying why (never a silent CPU fallback).
  await backend.selectOption('gpu');
  await train.click();
  await expect(
    app
      .getByRole('alert')
      .filter({ hasText: /gpu\.js backend is not available/ })
      .or(progress.filter({ hasText: /Finished · epoch 3\/3 .*backend gpu\.js/ })),
  ).toBeVisible({ timeout: 30_000 });
});
