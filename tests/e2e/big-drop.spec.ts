import { test, expect } from './fixtures';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Rows of a quoted CSV (every field in quotes, a comma inside one) until `bytes` are written. */
function writeQuotedCsv(file: string, bytes: number): number {
  const fd = openSync(file, 'w');
  let written = writeSync(fd, '"x","y","colour","label"\n');
  let rows = 0;
  // Short quoted fields: as JSON text this file would grow by nearly half (every quote and line
  // break escaped), well past the host's largest message.
  const colours = ['r, d', 'g, l', 'b, p'];
  while (written < bytes) {
    let block = '';
    for (let i = 0; i < 10_000; i++, rows++)
      block += `"${rows % 10}","${(rows * 7) % 10}","${colours[rows % 3]}","${rows % 2}"\n`;
    written += writeSync(fd, block);
  }
  closeSync(fd);
  return rows;
}

test('a 60 MB quoted CSV dropped on the window loads and shows its rows', async ({ app }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-big-drop-'));
  try {
    const file = path.join(dir, 'big-quoted.csv');
    const rows = writeQuotedCsv(file, 60 * 1024 * 1024);
    expect(statSync(file).size).toBeGreaterThan(60 * 1024 * 1024);

    // As a person would: the file from disk, dropped on the window (a file input hands the page
    // a real disk-backed File, which a drop then carries).
    const input = await app.evaluateHandle(() => {
      const el = document.createElement('input');
      el.type = 'file';
      el.style.display = 'none';
      document.body.append(el);
      return el;
    });
    await input.asElement()!.setInputFiles(file);
    const dataTransfer = await app.evaluateHandle((el) => {
      const dt = new DataTransfer();
      dt.items.add((el as HTMLInputElement).files![0]!);
      el.remove();
      return dt;
    }, input);
    await app.dispatchEvent('body', 'dragover', { dataTransfer });
    await app.dispatchEvent('body', 'drop', { dataTransfer });

    await expect(app.getByText(`big-quoted.csv · ${rows} rows · 4 columns`)).toBeVisible({
      timeout: 150_000,
    });
    const preview = app.getByRole('table', { name: 'Preview of big-quoted.csv' });
    await expect(preview.getByRole('cell', { name: 'r, d' }).first()).toBeVisible();
    await expect(app.getByText('Lost the connection')).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a project file that starts with a UTF-8 byte order mark opens when dropped', async ({
  app,
}) => {
  const text = readFileSync(
    path.resolve(__dirname, '../fixtures/projects/v1/iris-classifier.layerlab'),
    'utf8',
  );
  const dataTransfer = await app.evaluateHandle((t) => {
    const bytes = new TextEncoder().encode(`\uFEFF${t}`);
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'iris-bom.layerlab'));
    return dt;
  }, text);
  await app.dispatchEvent('body', 'dragover', { dataTransfer });
  await app.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(app).toHaveTitle(/^iris-bom\.layerlab — Layerlab/);
  await expect(app.locator('.react-flow__node').first()).toBeVisible();
});
