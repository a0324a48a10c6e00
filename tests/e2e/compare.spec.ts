/**
 * Comparing runs, exporting curves and charts, and reopening saved sweeps, driven as a person
 * would: the written files are read back from the workspace folder and checked.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  exportChart,
  irisMlp,
  openCompare,
  pngColours,
  saveAndReopen,
  saveAs,
  train,
} from './compare-helpers';
import { expect, test } from './fixtures';

test('compares two iris runs with different L2 λ and exports the curves as CSV and a chart as SVG and PNG', async ({
  app,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  await irisMlp(app, '15');
  await train(app, '15');
  await app.getByLabel('L2 λ', { exact: true }).fill('0.01');
  await train(app, '15');

  await app.getByRole('button', { name: /^Compare .+ with .+/ }).click();
  const dialog = app.getByRole('dialog', { name: 'Compare' });
  await expect(dialog).toBeVisible();

  // The settings table marks λ, and only λ, as different.
  const settings = dialog.getByRole('table', { name: 'Settings table' });
  const l2 = settings.locator('tr', { has: app.getByRole('rowheader', { name: 'L2 λ' }) });
  await expect(l2).toHaveClass(/differs/);
  await expect(l2.locator('td')).toHaveText(['0', '0.01']);
  await expect(settings.locator('tr.differs')).toHaveCount(1);
  await expect(dialog.getByRole('heading', { name: /Settings \(1 differs\)/ })).toBeVisible();
  await expect(dialog.getByLabel('Data')).toContainText('same training data');
  await expect(dialog.getByRole('region', { name: 'Network' })).toContainText('Same network.');

  // Training and validation curves of both runs, on the loss and the accuracy charts.
  for (const chart of ['Loss', 'Accuracy']) {
    const fig = dialog.getByRole('figure', { name: chart, exact: true });
    for (const s of ['a-train', 'a-val', 'b-train', 'b-val'])
      await expect(fig.locator(`path[data-series="${s}"]`)).toHaveAttribute('d', /^M[\d.]+,/);
  }
  // Every Dense layer's weights (the template has three), both runs' bars on one histogram.
  const weights = dialog.getByRole('region', { name: 'Weights' }).getByRole('figure');
  await expect(weights).toHaveCount(3);
  for (const w of await weights.all()) {
    await expect(w.locator('g[data-side="a"] rect').first()).toBeAttached();
    await expect(w.locator('g[data-side="b"] rect').first()).toBeAttached();
    await expect(w).toContainText(/% near 0.*% near 0/);
  }
  // One seed each: no verdict on the seed noise.
  await expect(dialog.getByRole('status', { name: 'Seed noise verdict' })).toContainText(
    'Needs seeds (1 vs 1 seeds)',
  );
  await testInfo.attach('compare-view', {
    body: await dialog.screenshot(),
    contentType: 'image/png',
  });

  // The newer run's curves as CSV: a header and one row per epoch.
  const csvButton = dialog.getByRole('button', { name: /^Curves of .+ as CSV…$/ }).last();
  await csvButton.click();
  await saveAs(app, 'Export as CSV', 'curves.csv');
  const csv = readFileSync(path.join(host.workspace, 'curves.csv'), 'utf8').trim().split('\n');
  // The newer run has L2 λ: the penalty its losses include comes last.
  expect(csv[0]).toBe('epoch,train_loss,val_loss,train_acc,val_acc,lr,l1_l2_penalty');
  expect(csv).toHaveLength(16);
  expect(csv[15]).toMatch(/^15,[\d.e-]+,[\d.e-]+,[\d.]+,[\d.]+,0\.01,[\d.e-]+$/);

  // The loss chart as a standalone SVG: parses, has the curves, the title and the legend.
  const loss = dialog.getByRole('figure', { name: 'Loss', exact: true });
  await exportChart(app, loss, 'SVG', 'loss.svg');
  const svgText = readFileSync(path.join(host.workspace, 'loss.svg'), 'utf8');
  const parsed = await app.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const paths = [...root.querySelectorAll('path')];
    return {
      root: root.nodeName,
      error: doc.querySelector('parsererror') !== null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      curves: paths.filter((p) => (p.getAttribute('d') ?? '').length > 20).length,
      stroked: paths.filter((p) => /^rgb/.test(p.getAttribute('stroke') ?? '')).length,
      classes: root.querySelectorAll('[class]:not(.legend)').length,
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent),
    };
  }, svgText);
  expect(parsed.root).toBe('svg');
  expect(parsed.error).toBe(false);
  expect(parsed.curves).toBe(4);
  expect(parsed.stroked).toBeGreaterThanOrEqual(4);
  expect(parsed.classes).toBe(0);
  expect(parsed.texts).toContain('Loss (data loss, without L1/L2 penalty)');
  expect(parsed.texts.filter((t) => /validation$/.test(t ?? ''))).toHaveLength(2);

  // The same chart as PNG: twice the SVG's size, and drawn (not one flat colour).
  await exportChart(app, loss, 'PNG', 'loss.png');
  const png = readFileSync(path.join(host.workspace, 'loss.png'));
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(parsed.width * 2);
  expect(png.readUInt32BE(20)).toBe(parsed.height * 2);
  const colours = await pngColours(app, png);
  expect(colours).toBeGreaterThan(10);

  // The decision boundary is a canvas: its PNG holds the painted pixels, at 2×.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await app.getByRole('tab', { name: 'Boundary' }).click();
  await expect(app.getByRole('status', { name: 'Boundary epoch' })).toContainText('epoch 15', {
    timeout: 60_000,
  });
  await exportChart(app, app.locator('figure.boundary-figure'), 'PNG', 'boundary.png');
  const boundary = readFileSync(path.join(host.workspace, 'boundary.png'));
  expect(boundary.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(boundary.readUInt32BE(16)).toBeGreaterThanOrEqual(2 * 256);
  expect(boundary.length).toBeGreaterThan(5000);
});

test('reopens a saved sweep after the project is reopened, and calls identical seed groups not significant', async ({
  app,
}, testInfo) => {
  test.setTimeout(240_000);
  await irisMlp(app, '8');
  const dialog = app.getByRole('dialog', { name: 'Sweep' });
  const results = dialog.getByRole('region', { name: 'Sweep results' });
  // The same small sweep twice: two groups of seeds per value with identical settings.
  for (let k = 0; k < 2; k++) {
    await app.getByRole('button', { name: 'Sweep…' }).click();
    await dialog.getByLabel('Values 1').fill('0,0.01');
    await dialog.getByLabel('Seeds per value').fill('2');
    await dialog.getByRole('button', { name: 'Run sweep' }).click();
    await expect(results).toBeVisible({ timeout: 120_000 });
    if (k === 1) break;
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
  await expect(results.getByRole('figure', { name: 'U-curve of l2' })).toBeVisible();
  const best = (await results.getByTestId('sweep-best-value').textContent()) ?? '';
  expect(best).toMatch(/Best l2: /);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await saveAndReopen(app, 'sweeps');

  // The saved sweep opens again without training: same U-curve, same best value.
  await app.getByRole('tab', { name: 'Training' }).click();
  await app.getByRole('button', { name: 'Sweep…' }).click();
  const saved = dialog.getByRole('region', { name: 'Saved sweeps' });
  await expect(saved.getByRole('listitem')).toHaveCount(2);
  await saved.getByRole('button', { name: 'Show sweep2' }).click();
  await expect(results.getByRole('figure', { name: 'U-curve of l2' })).toBeVisible();
  await expect(results.getByTestId('sweep-best')).toBeVisible();
  await expect(results.getByTestId('sweep-best-value')).toHaveText(best);
  await expect(
    results.getByRole('table', { name: 'Sweep variants' }).locator('tbody tr'),
  ).toHaveCount(4);
  await testInfo.attach('reopened-sweep', {
    body: await dialog.screenshot(),
    contentType: 'image/png',
  });
  await results.getByRole('button', { name: /Apply best/ }).click();
  await expect(results.getByRole('status')).toContainText('L2 λ set to');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Compare from the command palette: the same value's seed groups of the two sweeps.
  const compare = await openCompare(app);
  await compare
    .getByRole('combobox', { name: 'Compare side A' })
    .selectOption({ label: 'sweep1 · l2=0 (2 seeds)' });
  await compare
    .getByRole('combobox', { name: 'Compare side B' })
    .selectOption({ label: 'sweep2 · l2=0 (2 seeds)' });
  await expect(compare.getByRole('status', { name: 'Seed noise verdict' })).toContainText(
    /^Not significant \(p = [\d.]+, Welch's t-test on the best validation loss without the L1\/L2 penalty, 2 vs 2 seeds\)/,
  );
  await expect(
    compare.getByRole('figure', { name: 'Loss', exact: true }).locator('path[data-series]'),
  ).toHaveCount(4);
  await testInfo.attach('compare-seed-groups', {
    body: await compare.screenshot(),
    contentType: 'image/png',
  });
});
