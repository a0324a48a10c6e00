import { test, expect, startHost } from './fixtures';
import WebSocket from 'ws';
import { rmSync } from 'node:fs';
import { DEFAULT_TRAIN_SETTINGS } from '../../electron/contract/training';

/** Autosaves a document through a host's socket, as the app does every 30 s. */
async function autosave(url: string, draft: unknown): Promise<void> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/ws?token=${u.searchParams.get('token')}`, {
    origin: u.origin,
  });
  await new Promise((r) => ws.once('open', r));
  const reply = await new Promise<{ result: { ok: boolean; error?: unknown } }>((resolve) => {
    ws.once('message', (d) => resolve(JSON.parse(d.toString())));
    ws.send(
      JSON.stringify({
        id: 1,
        channel: 'projects:autosave',
        payload: { key: 'recover-me-1234', title: 'lost work', path: null, draft },
      }),
    );
  });
  expect(reply.result, JSON.stringify(reply.result.error)).toMatchObject({ ok: true });
  ws.close();
}

test('after a crash, the next start offers the autosaved document and recovers it', async ({
  page,
}) => {
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
