// Canvas smoothness benchmark (not a test): a 200-node graph in headless Chromium, one warm-up
// drag, then 5 drags of one node for 2 s each. Reports, per drag, how many times a second the
// dragged node actually moved on screen (frames in which its transform changed — not
// requestAnimationFrame calls), how long the drag took, and the longest main-thread task.
//
//   npm run build && node bench/canvas/drag.mjs [--nodes 200] [--drags 5] [--json] [--no-baseline]
//
// By default it also measures a bare React Flow page with the same nodes (bench/canvas/bare) in
// the same run, so the result can be read as a ratio on a noisy machine.
//
// Uses Debian's Chromium with the project's usual flags (never the SwiftShader ones).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium, root, startHost } from './common.mjs';
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const NODES = arg('nodes', 200);
const DRAGS = arg('drags', 5);
const DRAG_MS = 2000;
const json = process.argv.includes('--json');

/** A grid of Dense/Activation nodes, each row a chain, as Layerlab clipboard text. */
function graphClip(n) {
  const cols = 10;
  const nodes = [];
  const edges = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 2 ? 'activation' : 'dense';
    nodes.push({
      id: `n${i}`,
      kind,
      position: { x: (i % cols) * 200, y: Math.floor(i / cols) * 110 },
      params:
        kind === 'dense'
          ? { units: 16, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null }
          : { fn: 'relu', alpha: 0.01 },
    });
    if (i % cols) edges.push({ id: `e${i}`, source: `n${i - 1}`, target: `n${i}` });
  }
  return JSON.stringify({ format: 'layerlab/nodes', version: 1, nodes, edges });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(page) {
  // Drag the node nearest the middle of the canvas (clear of banners, minimap and controls).
  const dragId = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best = null;
    let bestD = Infinity;
    for (const el of document.querySelectorAll('.react-flow__node')) {
      const r = el.getBoundingClientRect();
      const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (d < bestD) {
        bestD = d;
        best = el.getAttribute('data-id');
      }
    }
    window.__dragId = best;
    return best;
  });
  // Instrument: per animation frame, did the dragged node's transform change? And long tasks.
  await page.evaluate(() => {
    const w = window;
    w.__bench = { frames: 0, moved: 0, recording: false, longest: 0, last: '' };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (w.__bench.recording) w.__bench.longest = Math.max(w.__bench.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    const tick = () => {
      const el = document.querySelector(`.react-flow__node[data-id="${window.__dragId}"]`);
      const t = el ? el.style.transform : '';
      if (w.__bench.recording) {
        w.__bench.frames++;
        if (t !== w.__bench.last) w.__bench.moved++;
      }
      w.__bench.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  const drag = async () => {
    const box = await page.locator(`.react-flow__node[data-id="${dragId}"]`).boundingBox();
    // Grab the body, away from the handles (top and bottom centre).
    const x0 = box.x + 20;
    const y0 = box.y + box.height / 2;
    await page.evaluate(() =>
      Object.assign(window.__bench, { frames: 0, moved: 0, longest: 0, recording: true }),
    );
    const start = performance.now();
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    let i = 0;
    while (performance.now() - start < DRAG_MS) {
      i++;
      // A circle of radius 60 px, one turn a second, paced at 60 Hz like a real mouse.
      const a = (i / 60) * 2 * Math.PI;
      await page.mouse.move(x0 + 60 * Math.sin(a), y0 + 60 - 60 * Math.cos(a));
      const due = start + i * (1000 / 60);
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    }
    await page.mouse.up();
    const total = performance.now() - start;
    const r = await page.evaluate(() => {
      window.__bench.recording = false;
      return {
        frames: window.__bench.frames,
        moved: window.__bench.moved,
        longest: window.__bench.longest,
      };
    });
    return {
      movesPerSecond: (r.moved * 1000) / total,
      framesPerSecond: (r.frames * 1000) / total,
      dragMs: total,
      longestTaskMs: r.longest,
    };
  };

  await drag(); // warm-up
  const runs = [];
  for (let k = 0; k < DRAGS; k++) runs.push(await drag());
  return runs;
}

function summary(name, runs) {
  return {
    page: name,
    median_moves_per_s: +median(runs.map((r) => r.movesPerSecond)).toFixed(1),
    median_frames_per_s: +median(runs.map((r) => r.framesPerSecond)).toFixed(1),
    median_drag_ms: +median(runs.map((r) => r.dragMs)).toFixed(0),
    max_drag_ms: +Math.max(...runs.map((r) => r.dragMs)).toFixed(0),
    longest_task_ms: +Math.max(...runs.map((r) => r.longestTaskMs)).toFixed(0),
    runs: runs.map((r) => ({
      moves_per_s: +r.movesPerSecond.toFixed(1),
      drag_ms: +r.dragMs.toFixed(0),
      longest_task_ms: +r.longestTaskMs.toFixed(0),
    })),
  };
}

/** Builds the bare React Flow page and serves it on 127.0.0.1. */
async function serveBare() {
  const out = mkdtempSync(path.join(tmpdir(), 'layerlab-bare-'));
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'bench/canvas/bare/vite.config.mts'),
    ],
    {
      env: { ...process.env, BARE_OUT: out },
      stdio: 'inherit',
    },
  );
  const server = http.createServer((req, res) => {
    const rel = (req.url ?? '/').split('?')[0].replace(/^\/+/, '') || 'index.html';
    const file = path.join(out, path.normalize(rel));
    if (!file.startsWith(out)) return res.writeHead(403).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, {
        'Content-Type': file.endsWith('.js')
          ? 'text/javascript'
          : file.endsWith('.css')
            ? 'text/css'
            : 'text/html',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/?nodes=${NODES}`,
    stop: () => (server.close(), rmSync(out, { recursive: true, force: true })),
  };
}

const host = await startHost();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // No start screen over the app being measured.
  await page.addInitScript(() => localStorage.setItem('layerlab-start:skip', '1'));
  await page.goto(host.url);
  await page.getByRole('toolbar', { name: 'Main toolbar' }).waitFor();
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  }, graphClip(NODES));
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node').length === n,
    NODES,
  );
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.waitForTimeout(600);
  // Deselect everything, so only the dragged node moves.
  const empty = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let y = pane.top + 5; y < pane.bottom; y += 7)
      for (let x = pane.left + 5; x < pane.right; x += 7)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane'))
          return { x, y };
    return null;
  });
  await page.mouse.click(empty.x, empty.y);
  const stillSelected = await page.locator('.react-flow__node.selected').count();
  if (stillSelected)
    throw new Error(`${stillSelected} nodes are still selected; the drag would move them all`);

  const runs = await measure(page);
  const results = [summary('layerlab', runs)];
  await page.close();
  if (!process.argv.includes('--no-baseline')) {
    const bare = await serveBare();
    try {
      const p2 = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await p2.goto(bare.url);
      await p2.waitForFunction(
        (n) => document.querySelectorAll('.react-flow__node').length === n,
        NODES,
      );
      await p2.waitForTimeout(600);
      results.push(summary('bare React Flow', await measure(p2)));
    } finally {
      bare.stop();
    }
  }
  if (json)
    for (const r of results)
      console.log(JSON.stringify({ bench: 'canvas-drag', nodes: NODES, drags: DRAGS, ...r }));
  else {
    console.log(
      `${NODES} nodes, ${DRAGS} drags of ${DRAG_MS} ms each after one warm-up (median over drags):`,
    );
    console.table(results.map(({ runs: _runs, ...r }) => r));
    if (results.length === 2)
      console.log(
        `Layerlab / bare React Flow, node moves per second: ${(results[0].median_moves_per_s / results[1].median_moves_per_s).toFixed(2)}`,
      );
  }
} finally {
  await browser.close();
  host.stop();
}
