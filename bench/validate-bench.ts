/**
 * Bench (not a test): how long the graph checker takes on long chains, the case the canvas meets
 * when someone pastes or generates thousands of nodes. Builds Input → (Dense, Activation) × n/2 →
 * Output with one back edge (a loop) and reports the median and worst of several runs per size.
 * The unit test checks the 10,000-node result; speed is measured only here.
 *
 *   npm run bench:validate -- [reps]
 *   (= node scripts/build.mjs --only bench && node dist/bench/validate-bench.cjs …)
 */
import { performance } from 'node:perf_hooks';
import { defaultParams, type Graph, type GraphNode } from '../engine/graph/document';
import { validateGraph } from '../engine/graph/validate';

const REPS = Number(process.argv[2] ?? 7);
const SIZES = [1_000, 5_000, 10_000];

function longChain(total: number): Graph {
  const position = { x: 0, y: 0 };
  const nodes: GraphNode[] = [{ id: 'in', kind: 'input', position, params: {} }];
  for (let i = 0; i < total - 2; i++) {
    nodes.push(
      i % 2 === 0
        ? { id: `n${i}`, kind: 'dense', position, params: { ...defaultParams('dense'), units: 4 } }
        : { id: `n${i}`, kind: 'activation', position, params: defaultParams('activation') },
    );
  }
  nodes.push({ id: 'out', kind: 'output', position, params: { loss: 'mse' } });
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id }));
  edges.push({ id: 'loop', source: `n${Math.floor(total * 0.9)}`, target: 'n10' });
  return { nodes, edges };
}

for (const size of SIZES) {
  const g = longChain(size);
  validateGraph(g, { features: 3 }); // warm-up (JIT)
  const ms: number[] = [];
  for (let r = 0; r < REPS; r++) {
    const t0 = performance.now();
    validateGraph(g, { features: 3 });
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(
    JSON.stringify({
      bench: 'validateGraph',
      nodes: size,
      reps: REPS,
      medianMs: +median.toFixed(2),
      maxMs: +ms[ms.length - 1]!.toFixed(2),
    }),
  );
}
