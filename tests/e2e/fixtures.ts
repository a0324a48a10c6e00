/**
 * End-to-end fixtures: a browser-mode host (the real dist/ build, a real WebSocket) started on
 * a temporary copy of tests/fixtures/workspace, and a page that fails the test on any console
 * error or uncaught exception.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Host {
  url: string;
  origin: string;
  workspace: string;
}

const root = path.resolve(__dirname, '../..');

/** Starts the built host; on a fresh copy of tests/fixtures/workspace unless a folder is given. */
export async function startHost(existing?: string): Promise<{ host: Host; child: ChildProcess }> {
  const workspace = existing ?? mkdtempSync(path.join(tmpdir(), 'layerlab-e2e-'));
  if (!existing)
    cpSync(path.join(root, 'tests/fixtures/workspace'), workspace, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      path.join(
        process.env.LAYERLAB_DIST
          ? path.resolve(process.env.LAYERLAB_DIST)
          : path.join(root, 'dist'),
        'electron/host.cjs',
      ),
      '--port',
      '0',
      '--workspace',
      workspace,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 15_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
  return { host: { url, origin: new URL(url).origin, workspace }, child };
}

/** The start screen's "Don't show at start" flag (renderer/panels/start/store.ts). */
export const START_SKIP_KEY = 'layerlab-start:skip';

/**
 * Every page starts with the start screen marked as dismissed, so specs find the app itself at
 * launch; a spec about the first launch sets `test.use({ firstLaunch: true })` to see it.
 */
export const test = base.extend<
  { app: Page; consoleErrors: string[]; firstLaunch: boolean },
  { host: Host }
>({
  firstLaunch: [false, { option: true }],
  page: async ({ page, firstLaunch }, use) => {
    if (!firstLaunch)
      await page.addInitScript((key) => localStorage.setItem(key, '1'), START_SKIP_KEY);
    await use(page);
  },
  host: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their deps
    async ({}, use) => {
      const { host, child } = await startHost();
      await use(host);
      child.kill();
      rmSync(host.workspace, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await use(errors);
  },
  app: async ({ page, host, consoleErrors }, use) => {
    await page.goto(host.url);
    await expect(page.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
    await use(page);
    expect(consoleErrors, 'console errors').toEqual([]);
  },
});

export { expect };

/** Drags a palette item onto the canvas at (x, y) the way a person would. */
export async function dragFromPalette(
  page: Page,
  kind: string,
  to: { x: number; y: number },
): Promise<void> {
  const item = page.getByRole('button', { name: kind, exact: true });
  const box = (await item.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Presses on a handle's centre and releases on another's, like a person wiring two nodes. */
export async function connectHandles(
  page: Page,
  from: string | Locator,
  to: string | Locator,
): Promise<void> {
  const handle = (h: string | Locator) =>
    typeof h === 'string' ? page.getByLabel(h, { exact: true }) : h;
  const a = (await handle(from).boundingBox())!;
  const b = (await handle(to).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 10 });
  await page.mouse.up();
}

/** Opens a CSV of the workspace in the Data panel with the in-app picker and accepts it, as a person would. */
export async function openCsv(page: Page, folder: string, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Open CSV…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a CSV file' });
  await dialog.getByRole('button', { name: new RegExp(folder) }).click();
  await dialog.getByRole('button', { name: new RegExp(name.replace('.', '\\.')) }).dblclick();
  await expect(dialog).toBeHidden();
  // Loaded and checked: accept it for training (the canvas then knows features and classes).
  await page.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(page.getByRole('status', { name: 'Dataset summary' })).toBeVisible();
}

/** Top-left corner of each node on screen, by id: what "the same graph" looks like to a person. */
export async function nodeBoxes(page: Page): Promise<Record<string, { x: number; y: number }>> {
  const out: Record<string, { x: number; y: number }> = {};
  for (const el of await page.locator('[data-node-id]').all()) {
    const id = (await el.getAttribute('data-node-id'))!;
    const b = (await el.boundingBox())!;
    out[id] = { x: Math.round(b.x), y: Math.round(b.y) };
  }
  return out;
}

/**
 * Opens a bundled sample dataset in the Data tab (re-split with `splitSeed` when given), uses it
 * for training and starts the canvas from a template, as a person would.
 */
export async function sampleWithTemplate(
  page: Page,
  sample: string,
  template: string,
  splitSeed?: number,
): Promise<void> {
  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('combobox', { name: 'Open sample dataset' }).selectOption(sample);
  if (splitSeed !== undefined) {
    await page.getByLabel('Seed', { exact: true }).fill(String(splitSeed));
    await page.getByRole('button', { name: 'Apply split' }).click();
  }
  await page.getByRole('button', { name: 'Use this dataset' }).click();
  await page
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: template });
}
