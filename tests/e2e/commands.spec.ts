/**
 * Commands from the keyboard: the command palette, wiring without a mouse, the browser-mode
 * menu bar, and the editing fixes of the same area (selection after undo, copies beside).
 */
import { test, expect, dragFromPalette, connectHandles, nodeBoxes } from './fixtures';
import { irisMlp } from './compare-helpers';
import type { Page } from '@playwright/test';

const node = (page: Page, id: string) => page.locator(`[data-node-id="${id}"]`);

/** Runs a command through the palette, typing its name as a person would. */
async function runFromPalette(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
}

function overlap(a: { x: number; y: number }, b: { x: number; y: number }, w: number, h: number) {
  return Math.abs(a.x - b.x) < w && Math.abs(a.y - b.y) < h;
}

test('Ctrl+K, "auto", Enter runs Auto-layout: the nodes move into one column', async ({ app }) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  // Three nodes scattered left to right, wired Input → Dense → Output.
  await dragFromPalette(app, 'Input', { x: canvas.x + 120, y: canvas.y + 300 });
  await dragFromPalette(app, 'Dense', { x: canvas.x + 420, y: canvas.y + 80 });
  await dragFromPalette(app, 'Output', { x: canvas.x + 700, y: canvas.y + 200 });
  await connectHandles(app, 'Input output', 'Dense input');
  await connectHandles(app, 'Dense output', 'Output input');
  await expect(app.locator('.react-flow__edge')).toHaveCount(2);
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

  await app.keyboard.press('Control+k');
  await app.keyboard.type('auto');
  // The best match is first and on offer.
  const palette = app.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('option', { selected: true })).toContainText('Auto-layout');
  await app.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await app.waitForTimeout(400); // the fit-view animation
  const boxes = await nodeBoxes(app);
  const chain = ['input_1', 'dense_1', 'output_1'];
  for (let i = 1; i < chain.length; i++) {
    expect(boxes[chain[i]!]!.y, `${chain[i]} below`).toBeGreaterThan(boxes[chain[i - 1]!]!.y + 20);
    expect(
      Math.abs(boxes[chain[i]!]!.x - boxes.input_1!.x),
      `${chain[i]} in the column`,
    ).toBeLessThan(30);
  }
});

test('the palette greys out what cannot run and says why; Escape closes it', async ({
  app,
}, testInfo) => {
  await app.keyboard.press('Control+k');
  await app.keyboard.type('undo');
  const undo = app.getByRole('option', { name: /^Undo/ });
  await expect(undo).toHaveAttribute('aria-disabled', 'true');
  await expect(undo).toContainText('Nothing to undo.');
  await expect(undo).toContainText('Ctrl+Z');
  // Kept with the results, to look at.
  const shot = testInfo.outputPath('command-palette.png');
  await app.screenshot({ path: shot });
  await testInfo.attach('command-palette', { path: shot, contentType: 'image/png' });
  // Enter on a command that cannot run does nothing; the palette stays for another choice.
  await app.keyboard.press('Enter');
  await expect(app.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'Command palette' })).toBeHidden();
});

test('builds Input → Dense → Output with the keyboard alone', async ({ app }) => {
  await runFromPalette(app, 'add input');
  await runFromPalette(app, 'add dense');
  await runFromPalette(app, 'add output');
  await expect(app.locator('.react-flow__node')).toHaveCount(3);

  await runFromPalette(app, 'select input_1');
  const connecting = app.getByRole('status', { name: 'Connecting' });
  // Escape cancels a connection without wiring anything.
  await app.keyboard.press('c');
  await expect(connecting).toContainText('input_1');
  await app.keyboard.press('Escape');
  await expect(connecting).toBeHidden();
  await expect(app.locator('.react-flow__edge')).toHaveCount(0);

  // Input can feed Dense or Output: the arrow keys go through them until Dense is on offer.
  await app.keyboard.press('c');
  await expect(connecting).toContainText('(1 of 2)');
  for (let i = 0; i < 2 && !/→ dense_1/.test((await connecting.textContent()) ?? ''); i++)
    await app.keyboard.press('ArrowDown');
  await expect(connecting).toContainText('input_1 → dense_1');
  await app.keyboard.press('Enter');
  await expect(connecting).toBeHidden();
  // The target is now selected, so the same key wires on from it; Output is all Dense can feed.
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText('dense_1');
  await app.keyboard.press('c');
  await expect(connecting).toContainText('dense_1 → output_1 (1 of 1)');
  await app.keyboard.press('Enter');

  await expect(app.locator('.react-flow__edge')).toHaveCount(2);
  await expect(app.locator('[aria-label^="input_1 to dense_1"]')).toHaveCount(1);
  await expect(app.locator('[aria-label^="dense_1 to output_1"]')).toHaveCount(1);
  // Output ends the network: nothing to connect from it, and the reason is said.
  await runFromPalette(app, 'select output_1');
  await app.keyboard.press('c');
  await expect(
    app.getByRole('alert').filter({ hasText: 'Nothing can come out of Output' }),
  ).toBeVisible();
});

test('after adding a node and undoing, a click selects the clicked node in the Inspector', async ({
  app,
}) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Input', { x: canvas.x + 200, y: canvas.y + 150 });
  await app.getByRole('button', { name: 'Dense', exact: true }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(2);
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await node(app, 'dense_1').click();
  await app.keyboard.press('Control+z');
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
  await node(app, 'input_1').click();
  const inspector = app.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toContainText('input_1');
  await expect(inspector).not.toContainText('Select one node');
});

test('pasted and duplicated nodes land beside the originals, not on top of them', async ({
  app,
}) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Dropout', { x: canvas.x + 200, y: canvas.y + 200 });
  await node(app, 'dropout_1').click();
  await app.keyboard.press('Control+c');
  await app.keyboard.press('Control+v');
  await expect(app.locator('.react-flow__node')).toHaveCount(2);
  await app.keyboard.press('Control+d');
  await expect(app.locator('.react-flow__node')).toHaveCount(3);
  const size = (await node(app, 'dropout_1').boundingBox())!;
  const boxes = await nodeBoxes(app);
  const ids = ['dropout_1', 'dropout_2', 'dropout_3'];
  for (const a of ids)
    for (const b of ids)
      if (a < b)
        expect(overlap(boxes[a]!, boxes[b]!, size.width, size.height), `${a} and ${b}`).toBe(false);
});

test('browser mode has File, Edit, View and Help menus, with Help and the New/Close shortcuts', async ({
  app,
}) => {
  const bar = app.getByRole('menubar', { name: 'Menu' });
  for (const title of ['File', 'Edit', 'View', 'Training', 'Help'])
    await expect(bar.getByRole('menuitem', { name: title, exact: true })).toBeVisible();

  await bar.getByRole('menuitem', { name: 'Help', exact: true }).click();
  const help = app.getByRole('menu', { name: 'Help' });
  await expect(help.getByRole('menuitem', { name: /Command Palette/ })).toContainText('Ctrl+K');
  await help.getByRole('menuitem', { name: /About Layerlab/ }).click();
  await expect(
    app.getByRole('status').filter({ hasText: 'design, train and understand' }),
  ).toBeVisible();

  // The Edit menu opens from the keyboard and says why Paste cannot run yet.
  await bar.getByRole('menuitem', { name: 'Edit', exact: true }).focus();
  await app.keyboard.press('ArrowDown');
  const edit = app.getByRole('menu', { name: 'Edit' });
  await expect(edit.getByRole('menuitem', { name: /^Paste/ })).toHaveAttribute(
    'title',
    'Copy a node first.',
  );
  await app.keyboard.press('Escape');
  await expect(edit).toBeHidden();

  // Close (Alt+W in a browser, which keeps Ctrl+W) asks before discarding, then empties the canvas.
  await app.getByRole('button', { name: 'Dense', exact: true }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
  app.once('dialog', (d) => void d.accept());
  await app.keyboard.press('Alt+w');
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
  await app.getByRole('button', { name: 'Input', exact: true }).click();
  app.once('dialog', (d) => void d.accept());
  await app.keyboard.press('Alt+n');
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
});

test('Ctrl+Enter trains from any tab, and the Training menu stops the run', async ({ app }) => {
  // Without data, the shortcut says what is missing instead of starting.
  await app.keyboard.press('Control+Enter');
  await expect(app.getByRole('alert').filter({ hasText: 'Open a dataset' })).toBeVisible();

  await app.getByRole('tab', { name: 'Data' }).click();
  // Enough epochs of single-row batches to be still running when Stop comes.
  await irisMlp(app, '5000');
  await app.getByLabel('Batch size').fill('1');
  await app.getByRole('tab', { name: 'Summary' }).click();
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });

  await app.keyboard.press('Control+Enter');
  const progress = app.getByRole('status', { name: 'Training progress' });
  await expect(progress).toContainText(/Training · epoch [1-9]/, { timeout: 20_000 });
  const bar = app.getByRole('menubar', { name: 'Menu' });
  await bar.getByRole('menuitem', { name: 'Training', exact: true }).click();
  await app.getByRole('menu', { name: 'Training' }).getByRole('menuitem', { name: /Stop/ }).click();
  await expect(progress).toContainText('Finished', { timeout: 20_000 });
  await expect(progress).not.toContainText('epoch 5000/5000');
});
