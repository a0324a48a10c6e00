/**
 * A two-parameter sweep's heat-map exported like every chart, and a saved sweep's group set
 * against a run in Compare: both networks, the changed layer marked, the same loss on both sides.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import {
  exportChart,
  irisMlp,
  openCompare,
  pngColours,
  saveAndReopen,
  train,
} from './compare-helpers';
import { expect, test } from './fixtures';

/** Picks the option of a Compare side whose label matches `label`. */
async function pick(compare: Locator, side: 'A' | 'B', label: RegExp) {
  const select = compare.getByRole('combobox', { name: `Compare side ${side}` });
  const labels = await select.locator('option').allTextContents();
  const found = labels.find((l) => label.test(l));
  expect(found, `an option like ${label} among ${labels.join(' | ')}`).toBeDefined();
  await select.selectOption({ label: found! });
}

/** An iris MLP trained with L2 λ 0.01: its recorded losses include the penalty, a sweep's do not. */
async function regularisedRun(app: Page, epochs: string) {
  await irisMlp(app, epochs);
  await app.getByLabel('L2 λ', { exact: true }).fill('0.01');
  await train(app, epochs);
}

async function runSweep(app: Page, p1: [string, string], p2: [string, string] | null, seeds = '1') {
  await app.getByRole('button', { name: 'Sweep…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Sweep' });
  await dialog.getByLabel('Parameter 1').selectOption(p1[0]);
  await dialog.getByLabel('Values 1').fill(p1[1]);
  if (p2) {
    await dialog.getByLabel('Parameter 2').selectOption(p2[0]);
    await dialog.getByLabel('Values 2').fill(p2[1]);
  }
  await dialog.getByLabel('Seeds per value').fill(seeds);
  await dialog.getByRole('button', { name: 'Run sweep' }).click();
  const results = dialog.getByRole('region', { name: 'Sweep results' });
  await expect(results).toBeVisible({ timeout: 150_000 });
  return { dialog, results };
}

test('exports a two-parameter sweep’s heat-map as a standalone SVG and a 2× PNG', async ({
  app,
  host,
}, testInfo) => {
  test.setTimeout(240_000);
  await irisMlp(app, '4');
  const { dialog, results } = await runSweep(app, ['l2', '0,0.01'], ['lr', '0.01,0.1']);

  // Read aloud it is a table: a header row and one row per l2 value, a cell per lr value.
  const table = results.getByRole('table', { name: 'Heat-map of the validation loss' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('columnheader', { name: 'l2 \\ lr' })).toHaveCount(1);
  await expect(table.getByRole('columnheader').filter({ hasText: /./ })).toHaveText([
    '0.01',
    '0.1',
  ]);
  await expect(table.getByRole('rowheader')).toHaveText(['0', '0.01']);
  await expect(table.getByRole('cell')).toHaveCount(4);
  await expect(results.getByTestId('heat-best')).toBeVisible();
  const figure = results.getByRole('figure', { name: 'Validation loss over l2 × lr' });
  await testInfo.attach('heat-map-in-dialog', {
    body: await dialog.screenshot(),
    contentType: 'image/png',
  });

  await exportChart(app, figure, 'SVG', 'heat.svg');
  const svgText = readFileSync(path.join(host.workspace, 'heat.svg'), 'utf8');
  const parsed = await app.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    const rects = [...root.querySelectorAll('rect')];
    const texts = [...root.querySelectorAll('text')].map((t) => t.textContent ?? '');
    return {
      root: root.nodeName,
      error: doc.querySelector('parsererror') !== null,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      // Filled cells and colour-bar steps: solid colours written on each rect.
      filled: new Set(rects.map((r) => r.getAttribute('fill')).filter((f) => /^rgb/.test(f ?? '')))
        .size,
      outlined: rects.filter((r) => r.getAttribute('fill') === 'none' && r.getAttribute('stroke'))
        .length,
      classes: root.querySelectorAll('[class]').length,
      external: /url\(|href=|<style|<link/.test(text),
      texts,
      numbers: texts.filter((t) => /^\d[\d.e-]*$/.test(t)).length,
    };
  }, svgText);
  expect(parsed.root).toBe('svg');
  expect(parsed.error).toBe(false);
  expect(parsed.classes).toBe(0);
  expect(parsed.external).toBe(false);
  // The title, both parameter names, the values on the axes and the legend's caption.
  expect(parsed.texts).toContain('Validation loss over l2 × lr');
  expect(parsed.texts).toEqual(expect.arrayContaining(['l2', 'lr', '0', '0.01', '0.1']));
  expect(parsed.texts.some((t) => /validation loss .*darker is lower/.test(t))).toBe(true);
  // Four cell values, four axis values (and the bar's two ends).
  expect(parsed.numbers).toBeGreaterThanOrEqual(4 + 4 + 2);
  expect(parsed.filled).toBeGreaterThan(10);
  expect(parsed.outlined).toBe(1);

  await exportChart(app, figure, 'PNG', 'heat.png');
  const png = readFileSync(path.join(host.workspace, 'heat.png'));
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(parsed.width * 2);
  expect(png.readUInt32BE(20)).toBe(parsed.height * 2);
  expect(await pngColours(app, png)).toBeGreaterThan(10);
  await testInfo.attach('heat-map-exported', { body: png, contentType: 'image/png' });
});

test('compares a reopened sweep’s group with a run: both networks, the changed layer marked, the same loss on both sides', async ({
  app,
}, testInfo) => {
  test.setTimeout(300_000);
  await regularisedRun(app, '6');
  const { dialog } = await runSweep(app, ['dense_1.units', '32,8'], null);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await saveAndReopen(app, 'units');

  const compare = await openCompare(app);
  await pick(compare, 'A', /^run\d+ · /);
  await pick(compare, 'B', /^sweep\d+ · dense_1\.units=8 /);

  // Both networks recorded: dense_1 differs, and only it.
  const network = compare.getByRole('region', { name: 'Network' });
  await expect(network).not.toContainText('not recorded');
  const layers = network.getByRole('table', { name: 'Layers' });
  await expect(layers.locator('tr.differs')).toHaveCount(1);
  await expect(layers.locator('tr.differs td').first()).toHaveText('dense_1');
  await expect(layers.locator('tr.differs')).toContainText(/32 units.*8 units/);
  await expect(compare.getByLabel('Data')).toContainText('same training data');
  await testInfo.attach('compare-run-with-sweep-group', {
    body: await compare.screenshot(),
    contentType: 'image/png',
  });

  // The same network and seed on both sides: the same penalty-free best validation loss.
  await pick(compare, 'B', /^sweep\d+ · dense_1\.units=32 /);
  await expect(network).toContainText('Same network.');
  await expect(compare.getByLabel('Loss basis')).toContainText(
    'the data loss, without the L1/L2 penalty',
  );
  const finals = compare.getByRole('table', { name: 'Final numbers table' });
  const best = finals.locator('tr', {
    has: app.getByRole('rowheader', { name: 'Best validation loss (without L1/L2 penalty)' }),
  });
  const [a, b] = await best.locator('td').allTextContents();
  expect(a).toMatch(/^\d+\.\d{4}$/);
  expect(b).toBe(a);
  await expect(compare.getByRole('figure', { name: 'Loss', exact: true })).toContainText(
    'data loss, without L1/L2 penalty',
  );
  await expect(compare.getByRole('status', { name: 'Seed noise verdict' })).toContainText(
    'Needs seeds (1 vs 1 seeds)',
  );
});

test('keeps a run trained with 5 seeds in the project, and tests it against a sweep group after reopening', async ({
  app,
  host,
}, testInfo) => {
  test.setTimeout(300_000);
  await regularisedRun(app, '5');
  const analyses = app.getByRole('region', { name: 'Seeds and dropout at test time' });
  await analyses.getByRole('button', { name: 'Train with 5 seeds' }).click();
  await expect(analyses.getByRole('figure', { name: /Loss over seeds/ })).toBeVisible({
    timeout: 120_000,
  });
  const { dialog } = await runSweep(app, ['l2', '0.01'], null, '3');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await saveAndReopen(app, 'seeds');
  // In the file: the five seeds with their curves and the penalty of each epoch.
  const file = JSON.parse(readFileSync(path.join(host.workspace, 'seeds.layerlab'), 'utf8')) as {
    seedGroups: { seeds: number[]; valLoss: unknown[][]; penalty: number[][] }[];
  };
  expect(file.seedGroups).toHaveLength(1);
  expect(file.seedGroups[0]!.seeds).toHaveLength(5);
  expect(file.seedGroups[0]!.valLoss[0]).toHaveLength(5);
  expect(file.seedGroups[0]!.penalty[0]![4]).toBeGreaterThan(0);

  const compare = await openCompare(app);
  await pick(compare, 'A', /^run\d+ × 5 seeds$/);
  await pick(compare, 'B', /^sweep\d+ · l2=0\.01 \(3 seeds\)$/);
  // One CSV button per side, though both sides were the same run when the view opened.
  await expect(compare.getByRole('button', { name: /^Curves of .+ as CSV…$/ })).toHaveCount(2);
  await expect(compare.getByRole('region', { name: 'Network' })).toContainText('Same network.');
  await expect(compare.getByRole('status', { name: 'Seed noise verdict' })).toContainText(
    /Welch's t-test on the best validation loss without the L1\/L2 penalty, 5 vs 3 seeds/,
  );
  await testInfo.attach('compare-seeds-with-sweep-group', {
    body: await compare.screenshot(),
    contentType: 'image/png',
  });
});
