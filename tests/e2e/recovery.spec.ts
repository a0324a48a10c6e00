import { test, expect, startHost } from './fixtures';
import WebSocket from 'ws';
import { rmSync } from 'node:fs';
import { DEFAULT_TRAIN_SETTINGS } from '../../electron/contract/training';

/** One request through a host's socket, as the app makes it. */
async function request(url: string, channel: string, payload: unknown): Promise<unknown> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/ws?token=${u.searchParams.get('token')}`, {
    origin: u.origin,
  });
  await new Promise((r) => ws.once('open', r));
  const reply = await new Promise<{ result: { ok: boolean; value?: unknown; error?: unknown } }>(
    (resolve) => {
      ws.once('message', (d) => resolve(JSON.parse(d.toString())));
      ws.send(JSON.stringify({ id: 1, channel, payload }));
    },
  );
  expect(reply.result, JSON.stringify(reply.result.error)).toMatchObject({ ok: true });
  ws.close();
  return reply.result.value;
}

/** Autosaves a document through a host's socket, as the app does every 30 s. */
async function autosave(url: string, draft: unknown, key = 'recover-me-1234', title = 'lost work') {
  await request(url, 'projects:autosave', { key, title, path: null, draft });
}

const node = (id: string, kind: string, params: object, y: number) => ({
  id,
  kind,
  params,
  position: { x: 100, y },
});
const draft = {
  graph: {
    nodes: [
      node('input_1', 'input', {}, 0),
      node(
        'dense_1',
        'dense',
        { units: 8, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
        100,
      ),
    ],
    edges: [{ id: 'edge_1', source: 'input_1', target: 'dense_1' }],
  },
  training: DEFAULT_TRAIN_SETTINGS,
  runs: [],
  dataset: null,
};

test('after a crash, the next start offers the autosaved document and recovers it', async ({
  page,
}) => {
  const first = await startHost();
  let second: Awaited<ReturnType<typeof startHost>> | null = null;
  try {
    await autosave(first.host.url, draft);
    // The app dies without saving.
    const gone = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await gone;

    second = await startHost(first.host.workspace);
    await page.goto(second.host.url);
    const offer = page.getByRole('dialog', { name: 'Recover unsaved work' });
    await expect(offer).toContainText('lost work');
    await offer.getByRole('button', { name: 'Recover' }).click();
    await expect(offer).toBeHidden();
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
    await expect(page.locator('[data-node-id="dense_1"]')).toContainText('8 units');
    // Recovered work is unsaved until it is saved.
    await expect(page).toHaveTitle(/^● lost work/);
  } finally {
    second?.child.kill();
    first.child.kill();
    rmSync(first.host.workspace, { recursive: true, force: true });
  }
});

test('twenty autosaves scroll inside the offer, and Discard all empties it', async ({ page }) => {
  const first = await startHost();
  let second: Awaited<ReturnType<typeof startHost>> | null = null;
  try {
    for (let i = 0; i < 20; i++) {
      await autosave(
        first.host.url,
        draft,
        `many-docs-${String(i).padStart(4, '0')}`,
        `draft ${i}`,
      );
    }
    const gone = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await gone;

    second = await startHost(first.host.workspace);
    await page.goto(second.host.url);
    const offer = page.getByRole('dialog', { name: 'Recover unsaved work' });
    const list = offer.getByRole('list', { name: 'Autosaved documents' });
    await expect(list.getByRole('listitem')).toHaveCount(20);
    // The list scrolls within the dialog; the dialog and its buttons stay on screen.
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight + 1)).toBe(true);
    const box = (await offer.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await list.getByRole('listitem').last().scrollIntoViewIfNeeded();
    await expect(list.getByRole('listitem').last()).toBeInViewport();

    await offer.getByRole('button', { name: 'Discard all…' }).click();
    // Nothing is discarded before the confirmation; "Keep them" goes back.
    await offer.getByRole('button', { name: 'Keep them' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(20);
    await offer.getByRole('button', { name: 'Discard all…' }).click();
    await offer.getByRole('button', { name: 'Discard all 20' }).click();
    await expect(offer).toBeHidden();
    const left = (await request(second.host.url, 'projects:recoverable', {})) as {
      items: unknown[];
    };
    expect(left.items).toEqual([]);
  } finally {
    second?.child.kill();
    first.child.kill();
    rmSync(first.host.workspace, { recursive: true, force: true });
  }
});
