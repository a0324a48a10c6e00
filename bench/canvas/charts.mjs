// Chart smoothness benchmark (not a test): trains a small network for 10,000 epochs in the
// browser-mode app and records, while the curves grow, how long the longest main-thread task
// was and how many frames were drawn per second. The data is kept whole; only the drawing is
// downsampled (≤ 600 points) and throttled (≤ 4 redraws a second).
//
//   npm run build && node bench/canvas/charts.mjs [--epochs 10000]
import { launchChromium, startHost } from './common.mjs';

const i = process.argv.indexOf('--epochs');
const EPOCHS = i > 0 ? Number(process.argv[i + 1]) : 10_000;

const host = await startHost(['assets/datasets/iris.csv']);
const url = host.url;
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // No start screen over the app being measured.
  await page.addInitScript(() => localStorage.setItem('layerlab-start:skip', '1'));
  await page.goto(url);
  await page.getByRole('combobox', { name: 'Open sample dataset' }).selectOption('iris.csv');
  await page.getByRole('button', { name: 'Use this dataset' }).click();
  await page
    .getByRole('combobox', { name: 'Start from a template' })
    .selectOption({ label: 'MLP classifier' });
  await page.getByRole('tab', { name: 'Training' }).click();
  await page.getByLabel('Epochs').fill(String(EPOCHS));
  await page.getByLabel('Batch size').fill('128');
  await page.evaluate(() => {
    const w = window;
    w.__b = { longest: 0, tasks: 0, frames: 0, start: performance.now() };
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        w.__b.longest = Math.max(w.__b.longest, e.duration);
        w.__b.tasks++;
      }
    }).observe({ type: 'longtask' });
    const tick = () => {
      w.__b.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page
    .getByRole('status', { name: 'Training progress' })
    .filter({ hasText: 'Finished' })
    .waitFor({ timeout: 600_000 });
  const seconds = (Date.now() - t0) / 1000;
  const r = await page.evaluate(() => ({
    ...window.__b,
    elapsed: (performance.now() - window.__b.start) / 1000,
  }));
  const drawn = await page
    .locator('[aria-label^="Loss per epoch"] .chart-line')
    .first()
    .getAttribute('d');
  console.log(
    JSON.stringify({
      bench: 'training-charts',
      epochs: EPOCHS,
      training_s: +seconds.toFixed(1),
      frames_per_s: +(r.frames / r.elapsed).toFixed(1),
      long_tasks: r.tasks,
      longest_task_ms: Math.round(r.longest),
      path_commands: (drawn?.match(/[MLC]/g) ?? []).length,
    }),
  );
} finally {
  await browser.close();
  host.stop();
}
