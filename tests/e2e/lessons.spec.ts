/**
 * Help ▸ Lessons: the list opens a lesson's project and its guide; a step outlines the control
 * it talks about.
 */
import { test, expect } from './fixtures';

test('Help ▸ Lessons opens the activations lesson; its step highlights the tanh node', async ({
  app,
}) => {
  const bar = app.getByRole('menubar', { name: 'Menu' });
  await bar.getByRole('menuitem', { name: 'Help', exact: true }).click();
  await app
    .getByRole('menu', { name: 'Help' })
    .getByRole('menuitem', { name: /Lessons/ })
    .click();
  const list = app.getByRole('dialog', { name: 'Lessons' });
  await expect(list.getByRole('button')).toHaveCount(9); // eight lessons and Close
  await list.getByRole('button', { name: /^Activations/ }).click();
  await expect(list).toBeHidden();

  // The lesson's project is the document now: its network is on the canvas.
  const tanh = app.locator('[data-node-id="2:tanh"]');
  await expect(tanh).toBeVisible();
  await expect(app.locator('.react-flow__node')).toHaveCount(8);
  const guide = app.getByRole('complementary', { name: 'Lesson guide' });
  await expect(guide).toContainText('Activations: why a network needs a bend');
  await expect(guide.getByLabel('Formula')).toContainText('ReLU(z) = max(0, z)');

  await expect(tanh).not.toHaveAttribute('data-lesson-highlight');
  await guide.getByRole('button', { name: 'Next step' }).click();
  await expect(guide).toContainText('set its Function to none');
  await expect(tanh).toHaveAttribute('data-lesson-highlight');
  // Selecting the node, as the step asks, keeps the outline.
  await tanh.click();
  await expect(tanh).toHaveClass(/is-selected/);
  await expect(tanh).toHaveAttribute('data-lesson-highlight');
  // Moving on moves the outline to the next step's control.
  await guide.getByRole('button', { name: 'Next step' }).click();
  await expect(tanh).not.toHaveAttribute('data-lesson-highlight');
  await expect(app.locator('[data-node-id="4:tanh"]')).toHaveAttribute('data-lesson-highlight');
});
