/**
 * Seeing what the network learned, beyond one run: each seed's boundary after "Train with 5
 * seeds", the trained weights drawn on the canvas edges, and a reopened project's boundary
 * before any training.
 */
import { test, expect } from './fixtures';
import {
  generateCircles,
  keepShot,
  network,
  paintedClasses,
  paintedDigest,
  toggleEdgesByWeight,
  trainWithBoundaryOpen,
} from './boundary-helpers';

test('after Train with 5 seeds, the Boundary tab flips between the seeds’ networks and their metrics', async ({
  app,
}, testInfo) => {
  test.slow(); // six trainings
  await generateCircles(app);
  await network(app, 'tanh');
  await trainWithBoundaryOpen(app, 60);
  const runDigest = await paintedDigest(app);

  await app.getByRole('tab', { name: 'Training' }).click();
  const analyses = app.getByRole('region', { name: 'Seeds and dropout at test time' });
  await analyses.getByRole('button', { name: 'Train with 5 seeds' }).click();
  await expect(analyses.getByRole('figure', { name: /Loss over seeds/ })).toBeVisible({
    timeout: 120_000,
  });

  await app.getByRole('tab', { name: 'Boundary' }).click();
  const picker = app.getByRole('group', { name: 'Network shown' });
  const choice = picker.getByRole('combobox', { name: 'Seed shown' });
  await expect(choice.locator('option')).toHaveCount(6);
  await expect(choice).toHaveValue('-1');
  const epoch = app.getByRole('status', { name: 'Boundary epoch' });
  const metrics = picker.getByRole('definition');

  const digests: string[] = [];
  const shown: string[] = [];
  for (let i = 0; i < 5; i++) {
    await picker.getByRole('button', { name: 'Next seed' }).click();
    const seed = 42 + i;
    await expect(choice).toHaveValue(String(i));
    await expect(epoch).toContainText(`seed ${seed}, epoch 60`);
    await expect(metrics.first()).toHaveText(/^\d+\.\d{4}$/);
    digests.push(await paintedDigest(app));
    shown.push((await picker.getByRole('definition').allTextContents()).join(' '));
    if (i === 1) {
      await keepShot(app, testInfo, 'boundary of seed 43');
    }
  }
  await expect(picker.getByRole('button', { name: 'Next seed' })).toBeDisabled();
  // Different initialisations end in different functions: some seeds paint other pixels, or
  // where the paints agree, the metrics shown are the seed's own.
  const distinctPaints = new Set(digests).size;
  const distinctMetrics = new Set(shown).size;
  expect(distinctPaints > 1 || distinctMetrics > 1).toBe(true);
  expect(distinctPaints).toBeGreaterThan(1);

  // Back to the trained run's own network: its paint again, no seed metrics.
  await choice.selectOption('-1');
  await expect(epoch).toHaveText(/· epoch 60$/);
  await expect(metrics).toHaveCount(0);
  expect(await paintedDigest(app)).toBe(runDigest);
});

test('Edges by weight draws each trained Dense kernel on its edge, blue positive and orange negative, with a legend', async ({
  app,
}, testInfo) => {
  await generateCircles(app);
  await network(app, 'tanh');
  await trainWithBoundaryOpen(app, 40);
  await toggleEdgesByWeight(app);

  const legend = app.getByLabel('Edges by weight legend');
  await expect(legend).toContainText('Edges by weight');
  await expect(legend).toContainText('Orange negative, blue positive');
  // 2 → 8, 8 → 8 and 8 → 1: one cell per weight.
  const into = (id: string) => app.getByRole('img', { name: new RegExp(`^Weights into ${id}:`) });
  await expect(into('dense_1').locator('rect')).toHaveCount(16);
  await expect(into('dense_2').locator('rect')).toHaveCount(64);
  await expect(into('dense_3').locator('rect')).toHaveCount(8);
  const cells = await app
    .locator('.weight-matrix rect')
    .evaluateAll((rects) =>
      rects.map((r) => ({ w: Number(r.getAttribute('data-w')), fill: r.getAttribute('fill')! })),
    );
  const rgb = (fill: string) => fill.match(/\d+/g)!.map(Number) as [number, number, number];
  const positive = cells.filter((c) => c.w > 0.05);
  const negative = cells.filter((c) => c.w < -0.05);
  expect(positive.length).toBeGreaterThan(0);
  expect(negative.length).toBeGreaterThan(0);
  for (const c of positive) {
    const [r, , b] = rgb(c.fill);
    expect(b).toBeGreaterThan(r);
  }
  for (const c of negative) {
    const [r, , b] = rgb(c.fill);
    expect(r).toBeGreaterThan(b);
  }
  await keepShot(app, testInfo, 'edges by weight');

  // Off again: plain edges with their shapes.
  await toggleEdgesByWeight(app);
  await expect(legend).toBeHidden();
  await expect(app.locator('.weight-matrix')).toHaveCount(0);
});

test('a saved trained project reopens with its boundary drawn from the saved weights, before any training', async ({
  app,
}, testInfo) => {
  await generateCircles(app);
  await network(app, 'tanh');
  await trainWithBoundaryOpen(app, 150);

  await app.keyboard.press('Control+s');
  const dialog = app.getByRole('dialog', { name: 'Save the project' });
  await dialog.getByLabel('File name').fill('circles-net');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Saved circles-net.layerlab.')).toBeVisible();

  // A fresh window: nothing of the session's run is left in the page.
  await app.reload();
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
  await app.getByRole('button', { name: 'Open…' }).click();
  const open = app.getByRole('dialog', { name: 'Open a project' });
  await open.getByRole('button', { name: /circles-net\.layerlab/ }).dblclick();
  await expect(app.locator('.react-flow__node')).toHaveCount(9);

  await app.getByRole('tab', { name: 'Boundary' }).click();
  await expect(app.getByRole('status', { name: 'Boundary epoch' })).toContainText('saved network');
  await app.getByRole('checkbox', { name: 'Points' }).uncheck();
  const painted = await paintedClasses(app, 9);
  const centre = painted[4]![4]!;
  expect(centre).not.toBe(painted[0]![0]!);
  expect(centre).not.toBe(painted[8]![8]!);
  await keepShot(app, testInfo, 'reopened boundary');
  // Nothing was trained: the Training tab still shows the saved run only.
  await app.getByRole('tab', { name: 'Training' }).click();
  await expect(app.getByRole('status', { name: 'Training progress' })).toContainText(
    'Finished · epoch 150/150',
  );
});
