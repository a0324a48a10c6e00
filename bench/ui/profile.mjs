// CPU profile of one UI click (not a test): loads bench/ui/breast_cancer.csv with the MLP
// template like latency.mjs, optionally starts training, then records a Chromium CPU profile
// (DevTools protocol) around clicks on a bottom tab and prints self-time per function.
// Build unminified to read names: LAYERLAB_UNMINIFIED=1 node scripts/build.mjs --only host,renderer
//
//   node bench/ui/profile.mjs [--tab Data] [--training] [--after 60] [--clicks 3] [--top 40]
//     [--callers setTextContent]
//
// --after S waits S seconds of training before the clicks: what scales with the run's length
// (epochs, alerts) only shows once it is long, as in latency.mjs's later tabs.
import { launchChromium, startHost } from '../canvas/common.mjs';
import { openBreastCancerMlp, startLongTraining } from './setup.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const TAB = arg('--tab', 'Data');
const CLICKS = Number(arg('--clicks', '3'));
const TOP = Number(arg('--top', '40'));
const TRAINING = process.argv.includes('--training');
const AFTER_S = Number(arg('--after', '0'));
const CALLERS = arg('--callers', null);

const host = await startHost(['bench/ui/breast_cancer.csv']);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openBreastCancerMlp(page, host.url);
  if (TRAINING) await startLongTraining(page);
  if (TRAINING && AFTER_S > 0) await page.waitForTimeout(AFTER_S * 1000);
  const tab = page.getByRole('tab', { name: new RegExp(`^${TAB}`) });
  const other = page.getByRole('tab', { name: TAB === 'Summary' ? /^Problems/ : /^Summary/ });
  await other.click();
  await page.waitForTimeout(500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < CLICKS; i++) {
    await tab.click({ noWaitAfter: true });
    await page.waitForTimeout(800);
    await other.click({ noWaitAfter: true });
    await page.waitForTimeout(400);
  }
  const { profile } = await cdp.send('Profiler.stop');
  // Self time per node = samples × interval; summed per function name + file:line.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(
    `${TAB}${TRAINING ? ' while training' : ''}: ${CLICKS} clicks, ${total.toFixed(0)} ms sampled`,
  );
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  if (CALLERS) {
    // Where a function's self time comes from: its callers' chains (8 frames), by time.
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const chains = new Map();
    for (let i = 0; i < profile.samples.length; i++) {
      let n = byId.get(profile.samples[i]);
      if (n.callFrame.functionName !== CALLERS) continue;
      const names = [];
      for (let k = 0; k < 8 && n; k++, n = byId.get(parent.get(n.id)))
        names.push(`${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`);
      const key = names.join(' ← ');
      chains.set(key, (chains.get(key) ?? 0) + (dt[i + 1] ?? 0) / 1000);
    }
    console.log(`\ncallers of ${CALLERS}:`);
    for (const [k, ms] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 8))
      console.log(`${ms.toFixed(1).padStart(8)} ms  ${k}`);
  }
} finally {
  await browser.close();
  host.stop();
}
