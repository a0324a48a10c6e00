import { test, expect, dragFromPalette, connectHandles } from './fixtures';

test('loads the app shell with palette, canvas, inspector and bottom panel, and no console error', async ({
  app,
}) => {
  for (const kind of ['Input', 'Dense', 'Activation', 'Dropout', 'Softmax', 'Output']) {
    await expect(app.getByRole('button', { name: kind, exact: true })).toBeVisible();
  }
  await expect(app.getByRole('region', { name: 'Network canvas' })).toBeVisible();
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
  await expect(app.getByRole('tab', { name: 'Data' })).toBeVisible();
  await expect(app.getByText('Browser mode')).toBeVisible();
  // The access token is taken out of the address bar once the socket is open.
  expect(new URL(app.url()).searchParams.has('token')).toBe(false);
});

test('dragging Dense and Activation from the palette and connecting them shows two nodes and one edge', async ({
  app,
}, testInfo) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Dense', {
    x: canvas.x + canvas.width * 0.3,
    y: canvas.y + canvas.height * 0.4,
  });
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
  await dragFromPalette(app, 'Activation', {
    x: canvas.x + canvas.width * 0.65,
    y: canvas.y + canvas.height * 0.4,
  });
  await expect(app.locator('.react-flow__node')).toHaveCount(2);
  await expect(app.getByRole('group', { name: 'Dense node dense_1' })).toBeVisible();
  await expect(app.getByRole('group', { name: 'Activation node activation_1' })).toBeVisible();

  await connectHandles(app, 'Dense output', 'Activation input');
  await expect(app.locator('.react-flow__edge')).toHaveCount(1);

  const shot = await app.screenshot();
  await testInfo.attach('two-nodes-one-edge', { body: shot, contentType: 'image/png' });
});

test('a node lands where it was dropped', async ({ app }) => {
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  const drop = { x: canvas.x + 300, y: canvas.y + 200 };
  await dragFromPalette(app, 'Dropout', drop);
  const node = (await app.locator('.react-flow__node').first().boundingBox())!;
  expect(Math.abs(node.x + node.width / 2 - drop.x)).toBeLessThan(40);
  expect(Math.abs(node.y + node.height / 2 - drop.y)).toBeLessThan(40);
});

test('every control has an accessible name', async ({ app }) => {
  await app.getByRole('button', { name: 'Dense', exact: true }).click();
  await app.getByRole('button', { name: 'Activation', exact: true }).click();
  await app.getByRole('group', { name: 'Dense node dense_1' }).click();
  const unnamed = await app.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, [role="button"], [role="tab"], a[href]',
    );
    const nameOf = (el: HTMLElement): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy)
        return labelledBy
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
      const aria = el.getAttribute('aria-label') ?? el.getAttribute('title');
      if (aria) return aria;
      const labels = (el as HTMLInputElement).labels;
      if (labels && labels.length) return [...labels].map((l) => l.textContent ?? '').join(' ');
      return el.textContent ?? '';
    };
    return [...controls]
      .filter((el) => nameOf(el).trim() === '')
      .map((el) => el.outerHTML.slice(0, 120));
  });
  expect(unnamed).toEqual([]);
});
