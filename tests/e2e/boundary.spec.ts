import { test, expect } from './fixtures';
import {
  generateCircles,
  hiddenActivation,
  network,
  node,
  paintedClasses,
  trainWithBoundaryOpen,
} from './boundary-helpers';

const changes = (line: number[]) => line.slice(1).filter((v, i) => v !== line[i]).length;

test('on circles, a 2-8-8-1 tanh network bends its boundary around the centre; a linear one stays straight', async ({
  app,
}) => {
  await generateCircles(app);
  await network(app, 'tanh');
  await trainWithBoundaryOpen(app, 150);
  const canvas = app.getByRole('img', { name: /Decision boundary over x1 and x2/ });
  await expect(canvas).toBeVisible();
  const bent = await paintedClasses(app, 9);
  const centre = bent[4]![4]!;
  // The disc is the inner class (orange), every corner is the ring's class.
  expect(centre).toBe(0);
  for (const corner of [bent[0]![0]!, bent[0]![8]!, bent[8]![0]!, bent[8]![8]!])
    expect(corner).not.toBe(centre);
  // Across the middle the class changes twice: in and out of the disc.
  expect(changes(bent[4]!)).toBeGreaterThanOrEqual(2);

  // The same network without its nonlinearity: a linear model, whatever its depth.
  await hiddenActivation(app, 'none');
  await trainWithBoundaryOpen(app, 40);
  const straight = await paintedClasses(app, 16);
  // A half-plane: along every row and every column the class changes at most once.
  for (let k = 0; k < 16; k++) {
    expect(changes(straight[k]!)).toBeLessThanOrEqual(1);
    expect(changes(straight.map((row) => row[k]!))).toBeLessThanOrEqual(1);
  }
});

test('selecting a Dense node with the Boundary tab open shows one thumbnail per unit', async ({
  app,
}) => {
  await generateCircles(app);
  await network(app, 'tanh');
  await trainWithBoundaryOpen(app, 20);
  await node(app, 'dense_1').click();
  const units = app
    .getByRole('region', { name: 'Decision boundary' })
    .getByRole('region', { name: 'Neurons of the selected node' });
  await expect(units.getByRole('figure')).toHaveCount(8);
  await expect(units).toContainText('dense_1: 8 units');
  await node(app, 'dense_3').click();
  await expect(units.getByRole('figure')).toHaveCount(1);
});
