import { test, expect, dragFromPalette, connectHandles } from './fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

test('opens the wine sample, explains the findings, and accepts a stratified 3-class split', async ({
  app,
}) => {
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('wine.csv');
  const preview = app.getByRole('table', { name: 'Preview of wine.csv' });
  await expect(preview.getByRole('columnheader', { name: 'proline' })).toBeVisible();
  await expect(app.getByText('wine.csv · 178 rows · 14 columns')).toBeVisible();

  const sorted = app.getByRole('listitem', { name: 'File sorted by class' });
  await expect(sorted).toContainText('The rows are grouped by class');
  await expect(sorted).toContainText('rows are shuffled with seed 42 and the split is stratified');
  const scales = app.getByRole('listitem', { name: 'Features on very different scales' });
  await expect(scales).toContainText('"proline" spreads about');
  await expect(scales).toContainText(
    'features are scaled (standardize) with statistics from the training split only',
  );

  await app.getByRole('button', { name: 'Use this dataset' }).click();
  const summary = app.getByRole('status', { name: 'Dataset summary' });
  await expect(summary).toContainText('3 classes (0, 1, 2)');
  await expect(summary).toContainText(
    'stratified split 124 train / 27 validation / 27 test (seed 42)',
  );
  await expect(app.getByRole('img', { name: 'Rows per class' })).toBeVisible();
});

test('turning scaling off raises a warning whose one-click fix turns it back on', async ({
  app,
}) => {
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('wine.csv');
  await app.getByRole('combobox', { name: 'Scaling' }).selectOption('none');
  const scales = app.getByRole('listitem', { name: 'Features on very different scales' });
  await expect(scales).toContainText('the large feature dominates the first layer');
  await scales.getByRole('button', { name: 'Standardize features' }).click();
  await expect(app.getByRole('combobox', { name: 'Scaling' })).toHaveValue('standardize');
  await expect(scales).toContainText('Handled');
});

test('a file with a short row names its line, and "Skip bad rows" opens it without that row', async ({
  app,
  host,
}) => {
  const rows = [
    'a,b,label',
    ...Array.from({ length: 30 }, (_, i) => (i === 4 ? '1,2' : `${i},${i % 7},${i % 2}`)),
  ];
  writeFileSync(path.join(host.workspace, 'data', 'ragged.csv'), rows.join('\n'));
  await app.getByRole('button', { name: 'Open CSV…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Open a CSV file' });
  await dialog.getByRole('button', { name: /data/ }).click();
  await dialog.getByRole('button', { name: /ragged\.csv/ }).dblclick();
  const alert = app.getByRole('alert');
  await expect(alert).toContainText(
    '"ragged.csv": 1 row does not have the header\'s 3 fields: line 6 has 2',
  );
  await alert.getByRole('button', { name: 'Skip bad rows' }).click();
  await expect(app.getByText('ragged.csv · 29 rows · 3 columns')).toBeVisible();
  await expect(app.getByRole('listitem', { name: 'Rows skipped' })).toContainText('(line 6)');
});

test('overrides a column type and leaves a column out', async ({ app }) => {
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('iris.csv');
  const use = app.getByRole('checkbox', { name: 'Use sepal_width_cm as a feature' });
  await expect(use).toBeChecked();
  await use.click(); // controlled: it flips once the main side answers
  await expect(use).not.toBeChecked();
  await expect(app.getByText('3 inputs after encoding')).toBeVisible();
  await app
    .getByRole('combobox', { name: 'Fill missing values of petal_length_cm' })
    .selectOption('constant');
  const fill = app.getByRole('textbox', { name: 'Fill value for petal_length_cm' });
  await fill.fill('abc');
  await expect(fill).toHaveAttribute('aria-invalid', 'true');
  await fill.fill('7');
  await fill.press('Enter');
  await expect(fill).toHaveAttribute('aria-invalid', 'false');
  await expect(fill).toHaveValue('7');
  await app.getByRole('combobox', { name: 'Type of label' }).selectOption('categorical');
  await expect(app.getByText('Target “label” · classification')).toBeVisible();
});

test('warns when the network on the canvas has many more parameters than training rows', async ({
  app,
}) => {
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('wine.csv');
  await expect(app.getByText('wine.csv · 178 rows')).toBeVisible();
  const canvas = (await app.getByRole('region', { name: 'Network canvas' }).boundingBox())!;
  await dragFromPalette(app, 'Input', { x: canvas.x + 150, y: canvas.y + 120 });
  await dragFromPalette(app, 'Dense', { x: canvas.x + 150, y: canvas.y + 300 });
  await connectHandles(app, 'Input output', 'Dense input');
  await app.getByRole('group', { name: 'Dense node dense_1' }).click();
  await app.getByLabel('Units').fill('500');
  const finding = app.getByRole('listitem', { name: 'Many more parameters than training rows' });
  await expect(finding).toContainText('The network has 7000 parameters for 124 training rows');
});

test('takes the test split from a separate file in the workspace, and back', async ({
  app,
  host,
}) => {
  const lines = readFileSync(path.join(host.workspace, 'data', 'iris.csv'), 'utf8')
    .trim()
    .split('\n');
  writeFileSync(
    path.join(host.workspace, 'data', 'iris-test.csv'),
    [lines[0], ...lines.slice(1).filter((_, i) => i % 5 === 0)].join('\n'),
  );
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('iris.csv');
  await app.getByRole('button', { name: 'Use a separate test file…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Open a test CSV file' });
  await dialog.getByRole('button', { name: /data/ }).click();
  await dialog.getByRole('button', { name: /iris-test\.csv/ }).dblclick();
  await expect(app.getByText('Test rows from iris-test.csv (30 rows)')).toBeVisible();
  await expect(app.getByText('124 train · 26 validation · 30 test')).toBeVisible();
  await app.getByRole('button', { name: 'Remove test file' }).click();
  await expect(app.getByText('104 train · 23 validation · 23 test')).toBeVisible();
});

test('opens a CSV file dropped on the window, reading Latin-1 bytes as Latin-1', async ({
  app,
}) => {
  const dataTransfer = await app.evaluateHandle(() => {
    const rows = ['city,temp,label'];
    for (let i = 0; i < 30; i++)
      rows.push(`${i % 2 ? 'Z\u00fcrich' : 'Genf'},${(i * 7) % 30}.5,${i % 2}`);
    // Latin-1 bytes: one byte per character (ü = 0xFC), not valid UTF-8.
    const bytes = Uint8Array.from(rows.join('\n'), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'dropped.csv', { type: 'text/csv' }));
    return dt;
  });
  await app.dispatchEvent('body', 'dragover', { dataTransfer });
  await app.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(app.getByText('dropped.csv · 30 rows · 3 columns')).toBeVisible();
  await expect(
    app.getByText(
      /"dropped\.csv" is not valid UTF-8 \(the first bad byte is on line 3\), so it was read as Latin-1/,
    ),
  ).toBeVisible();
  await expect(
    app
      .getByRole('table', { name: 'Preview of dropped.csv' })
      .getByRole('cell', { name: 'Zürich' })
      .first(),
  ).toBeVisible();
});

test('reopening the Data tab brings back the columns table and preview as they were', async ({
  app,
}, testInfo) => {
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('wine.csv');
  await app.getByRole('combobox', { name: 'Type of ash' }).selectOption('categorical');
  for (const other of ['Summary', 'Training']) {
    await app.getByRole('tab', { name: other }).click();
    await app.getByRole('tab', { name: 'Data' }).click();
    // The tables fill in just after the tab has painted; the edit made before is still there.
    await expect(app.getByRole('combobox', { name: 'Type of ash' })).toHaveValue('categorical');
    await expect(
      app.getByRole('table', { name: 'Preview of wine.csv' }).getByRole('columnheader', {
        name: 'proline',
      }),
    ).toBeVisible();
  }
  await expect(app.locator('.after-paint')).toHaveCount(0);
  await testInfo.attach('data-tab-reopened', {
    body: await app.screenshot(),
    contentType: 'image/png',
  });
});
