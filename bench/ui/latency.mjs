// UI responsiveness benchmark (not a test): click → next frame for every bottom tab and for
// selecting a node, with the app idle and while it trains a breast-cancer-sized network
// (569 rows × 30 features, MLP template), in headless Chromium against the browser-mode host.
//
// Latency of one click = from the click event's timeStamp to the first task after the next
// frame (requestAnimationFrame, then a message: the frame has been painted by then), both on
// the page's own performance clock. Long tasks come from PerformanceObserver('longtask').
//
//   npm run bench:ui [-- --clicks 15]
import { launchChromium, startHost } from '../canvas/common.mjs';
import { openBreastCancerMlp, startLongTraining } from './setup.mjs';

const at = process.argv.indexOf('--clicks');
const CLICKS = at > 0 ? Number(process.argv[at + 1]) : 15;
const TABS = ['Data', 'Summary', 'Training', 'Boundary', 'Diagnostics', 'Problems'];

const host = await startHost(['bench/ui/breast_cancer.csv']);
const browser = await launchChromium();

/** In the page: per click, the time to the next painted frame; long tasks meanwhile. */
function install() {
  const w = window;
  w.__lat = { clicks: [], tasks: [] };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__lat.tasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: false });
  window.addEventListener(
    'click',
    (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => w.__lat.clicks.push({ start: t0, ms: performance.now() - t0 });
        ch.port2.postMessage(0);
      });
    },
    { capture: true },
  );
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** Clicks `target` CLICKS times (after `before` each time, unmeasured), returns the figures. */
async function measure(page, name, target, before) {
  const samples = [];
  let longest = 0;
  for (let i = 0; i < CLICKS; i++) {
    await before();
    // Let the previous click's work settle, so it is not counted against this one.
    await page.waitForTimeout(400);
    await page.evaluate(() => ((window.__lat.clicks = []), (window.__lat.tasks = [])));
    await target.click({ noWaitAfter: true });
    await page.waitForFunction(() => window.__lat.clicks.length > 0);
    await page.waitForTimeout(150);
    const r = await page.evaluate(() => window.__lat);
    samples.push(r.clicks[0].ms);
    for (const t of r.tasks)
      if (t.start >= r.clicks[0].start - 50) longest = Math.max(longest, t.ms);
  }
  return {
    target: name,
    p50: Math.round(quantile(samples, 0.5)),
    p95: Math.round(quantile(samples, 0.95)),
    max: Math.round(Math.max(...samples)),
    longest_task: Math.round(longest),
  };
}

async function round(page, state) {
  const rows = [];
  for (let k = 0; k < TABS.length; k++) {
    const tab = page.getByRole('tab', { name: new RegExp(`^${TABS[k]}`) });
    const other = page.getByRole('tab', { name: new RegExp(`^${TABS[(k + 1) % TABS.length]}`) });
    rows.push(await measure(page, `tab ${TABS[k]}`, tab, () => other.click({ noWaitAfter: true })));
  }
  const nodes = page.locator('.react-flow__node');
  const a = nodes.nth(1);
  const b = nodes.nth(2);
  let n = 0;
  const alternate = { click: (o) => (n++ % 2 ? b : a).click(o) };
  rows.push(await measure(page, 'select a node', alternate, () => Promise.resolve()));
  for (const r of rows) console.log(JSON.stringify({ bench: 'ui-latency', state, ...r }));
  return rows.map((r) => ({ state, ...r }));
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openBreastCancerMlp(page, host.url);
  await page.evaluate(install);
  const table = [...(await round(page, 'idle'))];

  await startLongTraining(page);
  table.push(...(await round(page, 'training')));

  console.log(`\n${CLICKS} clicks each; ms from click to the next painted frame\n`);
  console.log('| state | target | p50 | p95 | max | longest task |');
  console.log('|---|---|---|---|---|---|');
  for (const r of table)
    console.log(
      `| ${r.state} | ${r.target} | ${r.p50} | ${r.p95} | ${r.max} | ${r.longest_task} |`,
    );
} finally {
  await browser.close();
  host.stop();
}
