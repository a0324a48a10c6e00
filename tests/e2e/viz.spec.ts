import { test, expect } from './fixtures';
import { generateCircles, network, node } from './boundary-helpers';

test('selecting dense_1 after training shows one thumbnail per unit in the inspector', async ({
  app,
}) => {
  await generateCircles(app);
  await network(app, 'tanh');
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
