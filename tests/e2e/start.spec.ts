/**
 * First steps: the start screen at a first launch (samples, templates, lessons, recent
 * projects), its "Don't show at start" choice, Help ▸ Start Screen, and the guided first run.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';

test.use({ firstLaunch: true });

const startScreen = (page: Page) => page.getByRole('dialog', { name: 'Welcome to Layerlab' });

async function shot(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

async function helpMenu(page: Page, item: RegExp) {
  await page
    .getByRole('menubar', { name: 'Menu' })
    .getByRole('menuitem', { name: 'Help', exact: true })
    .click();
  await page.getByRole('menu', { name: 'Help' }).getByRole('menuitem', { name: item }).click();
}

test('a first launch shows samples, templates, lessons and the recent projects', async ({
  app,
}, testInfo) => {
  const start = startScreen(app);
  await expect(start).toBeVisible();
  // Save a project, so there is a recent one to show at the next launch.
  await app.keyboard.press('Escape');
  await expect(start).toBeHidden();
  await app.getByRole('button', { name: 'Dense', exact: true }).click();
  await app.getByRole('button', { name: 'Save', exact: true }).click();
  const save = app.getByRole('dialog', { name: 'Save the project' });
  await save.getByLabel('File name').fill('first-net');
  await save.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.getByText('Saved first-net.layerlab.')).toBeVisible();

  await app.reload();
  await expect(start).toBeVisible();
  const data = start.getByRole('group', { name: '1 · Data' });
  await expect(data.getByRole('radio')).toHaveCount(5);
  await expect(data.getByRole('radio', { name: /^Iris/ })).toBeChecked();
  await expect(data.getByRole('radio', { name: /^Wine/ })).toBeVisible();
  await expect(data.getByRole('radio', { name: /^Digits/ })).toBeVisible();
  const network = start.getByRole('group', { name: '2 · Network' });
  for (const name of [
    'Logistic regression',
    'MLP classifier',
    'Regression MLP',
    'Overfits on purpose',
    'Empty canvas',
  ])
    await expect(network.getByRole('radio', { name: new RegExp(`^${name}`) })).toBeVisible();
  await expect(start.getByRole('region', { name: 'Lessons' }).getByRole('button')).toHaveCount(8);
  const recent = start.getByRole('region', { name: 'Recent projects' });
  await expect(recent.getByRole('button', { name: /first-net\.layerlab/ })).toBeVisible();
  await shot(app, testInfo, 'start screen (light)');

  // Dark theme: the same screen, legible on the dark panel.
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Dark theme' }).click();
  await helpMenu(app, /Start Screen/);
  await expect(start).toBeVisible();
  await shot(app, testInfo, 'start screen (dark)');

  // A recent project opens from it, and the screen closes.
  await recent.getByRole('button', { name: /first-net\.layerlab/ }).click();
  await expect(start).toBeHidden();
  await expect(app).toHaveTitle(/^first-net/);
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
});

test('choosing Iris and MLP classifier gives the dataset and a network ready to train', async ({
  app,
}) => {
  const start = startScreen(app);
  await start.getByText('Wine', { exact: true }).click();
  await start.getByText('Iris', { exact: true }).click();
  // A regression network for a class target is flagged before anything is created.
  await start.getByText('Regression MLP', { exact: true }).click();
  await expect(start.getByRole('note')).toContainText('Regression MLP predicts a number');
  await start.getByText('Logistic regression', { exact: true }).click();
  await expect(start.getByRole('note')).toBeHidden();
  await start.getByText('MLP classifier', { exact: true }).click();
  await expect(start).toContainText('Iris · MLP classifier');
  await start.getByRole('button', { name: 'Create project' }).click();
  await expect(start).toBeHidden();

  await expect(app.getByRole('region', { name: 'Data', exact: true })).toContainText(
    'iris.csv · 150 rows',
  );
  // Input, Dense 32, ReLU, Dropout, Dense 16, ReLU, Dense 3 (one unit per species), Softmax, Output.
  await expect(app.locator('.react-flow__node')).toHaveCount(9);
  await expect(app.getByRole('group', { name: 'Dense node dense_3' })).toContainText(/\D3 units/);
  await expect(app.getByRole('tab', { name: 'Problems', exact: true })).toBeVisible();
  await app.getByRole('tab', { name: 'Training' }).click();
  await expect(app.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('"Your own CSV…" asks for the file, then builds the template for its classes', async ({
  app,
}) => {
  const start = startScreen(app);
  await start.getByText('Your own CSV…', { exact: true }).click();
  await start.getByText('Overfits on purpose', { exact: true }).click();
  await start.getByRole('button', { name: 'Create project' }).click();
  await expect(start).toBeHidden();
  const picker = app.getByRole('dialog', { name: 'Open a CSV file' });
  await picker.getByRole('button', { name: /data/ }).click();
  await picker.getByRole('button', { name: /iris\.csv/ }).dblclick();
  await expect(picker).toBeHidden();
  await expect(app.getByRole('region', { name: 'Data', exact: true })).toContainText(
    'iris.csv · 150 rows',
  );
  await expect(app.locator('.react-flow__node')).toHaveCount(8);
  await expect(app.getByRole('group', { name: 'Dense node dense_3' })).toContainText(/\D3 units/);
});

test('from Help ▸ Start Screen, a new project asks before discarding unsaved work', async ({
  app,
}) => {
  await app.keyboard.press('Escape');
  await app.getByRole('button', { name: 'Dense', exact: true }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
  await helpMenu(app, /Start Screen/);
  const start = startScreen(app);
  // Declined: the work stays, and no dataset or template replaces it.
  app.once('dialog', (d) => void d.dismiss());
  await start.getByRole('button', { name: 'Create project' }).click();
  await expect(start).toBeHidden();
  await expect(app.locator('.react-flow__node')).toHaveCount(1);
  await expect(app.locator('[data-node-id="dense_1"]')).toBeVisible();
  await expect(
    app.getByText('Open a CSV file, drop one on the window, or try a sample dataset.'),
  ).toBeVisible();
  // Accepted: the new project replaces it.
  await helpMenu(app, /Start Screen/);
  app.once('dialog', (d) => void d.accept());
  await start.getByRole('button', { name: 'Create project' }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(9);
  await expect(app.getByRole('region', { name: 'Data', exact: true })).toContainText(
    'iris.csv · 150 rows',
  );
});

test('the start screen works from the keyboard: arrows choose, Enter creates, Tab stays inside', async ({
  app,
}) => {
  const start = startScreen(app);
  // Focus starts on the checked data choice; the arrow keys move through a group.
  await expect(start.getByRole('radio', { name: /^Iris/ })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(start.getByRole('radio', { name: /^Wine/ })).toBeChecked();
  // Tab goes round the dialog and never leaves it.
  for (let i = 0; i < 20; i++) {
    await app.keyboard.press('Tab');
    expect(await start.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  // In the lessons list the arrow keys move between lessons.
  const lessons = start.getByRole('region', { name: 'Lessons' }).getByRole('button');
  await lessons.first().focus();
  await app.keyboard.press('ArrowDown');
  await expect(lessons.nth(1)).toBeFocused();
  await app.keyboard.press('End');
  await expect(lessons.last()).toBeFocused();
  // Enter on a network choice creates the project: Wine with logistic regression.
  await start.getByRole('radio', { name: /^MLP classifier/ }).focus();
  await app.keyboard.press('ArrowLeft');
  await expect(start.getByRole('radio', { name: /^Logistic regression/ })).toBeChecked();
  await app.keyboard.press('Enter');
  await expect(start).toBeHidden();
  await expect(app.getByRole('region', { name: 'Data', exact: true })).toContainText(
    'wine.csv · 178 rows',
  );
  await expect(app.locator('.react-flow__node')).toHaveCount(4);
});

test('"Don\'t show at start" survives a reload; Help ▸ Start Screen brings it back', async ({
  app,
}) => {
  const start = startScreen(app);
  await start.getByLabel('Don’t show at start').check();
  await start.getByRole('button', { name: 'Close the start screen' }).click();
  await expect(start).toBeHidden();
  await app.reload();
  await expect(app.getByRole('toolbar', { name: 'Main toolbar' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Dense', exact: true })).toBeVisible();
  await expect(start).toBeHidden();

  await helpMenu(app, /Start Screen/);
  await expect(start).toBeVisible();
  await expect(start.getByLabel('Don’t show at start')).toBeChecked();
  // Unticked again, it shows at the next launch.
  await start.getByLabel('Don’t show at start').uncheck();
  await app.reload();
  await expect(start).toBeVisible();
});

test('a lesson opened from the start screen opens its project beside its guide', async ({
  app,
}) => {
  const start = startScreen(app);
  await start
    .getByRole('region', { name: 'Lessons' })
    .getByRole('button', { name: /^Dropout/ })
    .click();
  await expect(start).toBeHidden();
  const guide = app.getByRole('complementary', { name: 'Lesson guide' });
  await expect(guide).toContainText('Dropout: training with random units switched off');
  await expect(app.locator('[data-node-id="3:dropout:0.5"]')).toHaveAttribute(
    'data-lesson-highlight',
  );
});

test('a person completes the guided tour: load a sample, pick a template, train', async ({
  app,
}, testInfo) => {
  await startScreen(app).getByRole('button', { name: 'Take the guided tour' }).click();
  const tour = app.getByRole('complementary', { name: 'Guided tour' });
  await expect(tour).toContainText('Load a sample dataset');
  await expect(tour.getByRole('status')).toHaveText('No dataset yet.');
  // It points at the Data tab and its sample list; it does not load anything itself.
  const sample = app.getByRole('combobox', { name: 'Open sample dataset' });
  await expect(sample).toHaveAttribute('data-lesson-highlight');
  await shot(app, testInfo, 'guided tour, step 1');
  await sample.selectOption('iris.csv');

  // Done: the tour moves on and points at the templates.
  await expect(tour.getByRole('status')).toHaveText('The canvas is empty.');
  const templates = app.getByRole('combobox', { name: 'Start from a template' });
  await expect(templates).toHaveAttribute('data-lesson-highlight');
  await expect(sample).not.toHaveAttribute('data-lesson-highlight');
  // Back shows the first step as done, and waits for Next.
  await tour.getByRole('button', { name: 'Back' }).click();
  await expect(tour.getByRole('status')).toHaveText('iris.csv is loaded.');
  await tour.getByRole('button', { name: 'Next' }).click();
  await templates.selectOption({ label: 'MLP classifier' });

  // Train: the Training tab is outlined, then its Train button.
  await expect(tour).toContainText('Open the Training tab and press Train');
  const trainingTab = app.getByRole('tab', { name: 'Training' });
  await expect(trainingTab).toHaveAttribute('data-lesson-highlight');
  await shot(app, testInfo, 'guided tour, step 3');
  await trainingTab.click();
  const train = app.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toHaveAttribute('data-lesson-highlight');
  await app.getByLabel('Epochs', { exact: true }).fill('20');
  await train.click();
  await expect(tour).toContainText('You trained your first network.', { timeout: 60_000 });
  await expect(app.getByRole('region', { name: 'Evaluation' })).toBeVisible();
  await shot(app, testInfo, 'guided tour, finished');
  await tour.getByRole('button', { name: 'Finish' }).click();
  await expect(tour).toBeHidden();
  await expect(app.locator('[data-lesson-highlight]')).toHaveCount(0);
});

test('the guided tour can be skipped, and restarted from Help ▸ Guided Tour', async ({ app }) => {
  await startScreen(app).getByRole('button', { name: 'Take the guided tour' }).click();
  const tour = app.getByRole('complementary', { name: 'Guided tour' });
  await tour.getByRole('button', { name: 'Skip this step' }).click();
  await expect(tour).toContainText('Pick a template or build a network');
  await tour.getByRole('button', { name: 'Skip tour' }).click();
  await expect(tour).toBeHidden();
  await expect(app.locator('[data-lesson-highlight]')).toHaveCount(0);

  // Restarted with a network already drawn, it begins at the first step not done.
  await app.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('iris.csv');
  await helpMenu(app, /Guided Tour/);
  await expect(tour).toContainText('Pick a template or build a network');
  await expect(tour.getByRole('status')).toHaveText('The canvas is empty.');
});
