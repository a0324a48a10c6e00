/**
 * The comparison of two runs, in plain TypeScript: what each side is (one run, or a group of
 * seeds from a saved sweep), its curves and final numbers, and the rows of the network and
 * settings tables with the differences marked. The views in this folder only draw these.
 */
import type { RunEpoch, RunWeightStats, TrainSettings } from '../../../electron/contract/training';
import type { Graph } from '../../../engine/graph/document';
import { chainOrder, graphDiff } from '../../../engine/graph/graph-diff';
import type { SavedSweep } from '../../../engine/graph/project/sweeps';
import type { RunGraph, RunNode } from '../../../engine/graph/run-graph';
import { inferShapes } from '../../../engine/graph/shapes';
import type { RunView } from '../../store/training';
import type { SeedGroup } from './seedGroups';
import { SWEPT_SETTING } from '../sweep/settingKeys';
import { withLayerValues } from './groupNetwork';
import { isRegularised, lessPenalty, runBasis, type LossBasis } from './lossBasis';

/**
 * One epoch of a side's curves (a group's: the mean over its seeds). Losses are data losses,
 * without the L1/L2 penalty, unless the side's `lossBasis` says otherwise (see lossBasis.ts).
 */
export interface CurvePoint {
  epoch: number;
  trainLoss: number | null;
  valLoss: number | null;
  trainMetric: number | null;
  valMetric: number | null;
}

export interface SideFinals {
  /** Epoch of the lowest validation loss (of the training loss without validation). */
  bestEpoch: number | null;
  bestVal: number | null;
  /** Validation minus training loss at the best epoch. */
  gap: number | null;
  /** Test accuracy (classification) or MAE (regression), when evaluated on a test split. */
  test: number | null;
  params: number | null;
  timeMs: number | null;
}

export interface CompareSide {
  /** "run:run-3" or "group:sweep1:l2=0.01": what the pickers hold. */
  key: string;
  label: string;
  kind: 'run' | 'group';
  /** One per run trained: one for a run, one per finished seed for a group. */
  seeds: number[];
  settings: TrainSettings | null;
  graph: RunGraph | null;
  /** What the sweep varied in the network ("dense_1.units = 16"); empty for a run. */
  layerValues: string[];
  dataset: string | null;
  datasetHash: string | null;
  metric: 'acc' | 'mae' | null;
  curve: CurvePoint[];
  /** Learning rate per epoch (runs only), for the CSV. */
  epochs: readonly RunEpoch[];
  weights: RunWeightStats[] | null;
  finals: SideFinals;
  /** Best validation loss of each seed: the samples of Welch's t-test. */
  bestVals: number[];
  /** Whether its losses are data losses (penalty taken out) or include the penalty. */
  lossBasis: LossBasis;
}

/** A picker's choice: a run, or a group of seeds of a saved sweep. */
export interface SideOption {
  key: string;
  label: string;
}

const meanOf = (xs: readonly (number | null | undefined)[]): number | null => {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
};

/** Parameters of a recorded network; the input width comes from the first layer's weights. */
export function parameterTotal(graph: RunGraph | null, weights: RunWeightStats[] | null) {
  if (!graph) return null;
  const first = chainOrder(graph).find((n) => n.kind === 'dense');
  const w = weights?.[0];
  if (!first || first.kind !== 'dense' || !w) return null;
  const features = w.count / first.params.units;
  if (!Number.isInteger(features)) return null;
  // Positions play no part in shapes: the run's graph is a graph without them.
  return inferShapes(graph as unknown as Graph, features).totalParams;
}

function metricOf(epochs: readonly RunEpoch[], run: RunView): 'acc' | 'mae' | null {
  const m = run.done?.evaluation?.metrics ?? epochs.at(-1)?.train;
  return m?.acc !== undefined ? 'acc' : m?.mae !== undefined ? 'mae' : null;
}

/** A run as one side: its own curves, weights and numbers (one seed). */
export function runSide(run: RunView): CompareSide {
  const metric = metricOf(run.epochs, run);
  const curve = run.epochs.map((e) => ({
    epoch: e.epoch,
    trainLoss: lessPenalty(e.train.loss, e.penalty ?? 0),
    valLoss: e.val ? lessPenalty(e.val.loss, e.penalty ?? 0) : null,
    trainMetric: metric ? (e.train[metric] ?? null) : null,
    valMetric: metric && e.val ? (e.val[metric] ?? null) : null,
  }));
  const finals = bestOf(curve);
  const evaluation = run.done?.evaluation;
  const test = evaluation?.split === 'test' && metric ? (evaluation.metrics[metric] ?? null) : null;
  const weights = run.done?.weightStats ?? null;
  return {
    key: `run:${run.runId}`,
    label: run.runId,
    kind: 'run',
    seeds: [run.settings.seed],
    settings: run.settings,
    graph: run.graph,
    layerValues: [],
    dataset: run.dataset,
    datasetHash: run.datasetHash,
    metric,
    curve,
    epochs: run.epochs,
    weights,
    finals: {
      ...finals,
      test,
      params: parameterTotal(run.graph, weights),
      timeMs: run.epochs.at(-1)?.elapsedMs ?? null,
    },
    bestVals: finals.bestVal === null ? [] : [finals.bestVal],
    lossBasis: runBasis(run.epochs, run.settings, run.graph),
  };
}

/** Best epoch by validation loss (training loss when there is no validation). */
function bestOf(curve: readonly CurvePoint[]): Pick<SideFinals, 'bestEpoch' | 'bestVal' | 'gap'> {
  const hasVal = curve.some((p) => p.valLoss !== null);
  let best: CurvePoint | null = null;
  for (const p of curve) {
    const l = hasVal ? p.valLoss : p.trainLoss;
    const b = best ? (hasVal ? best.valLoss : best.trainLoss) : null;
    if (l !== null && Number.isFinite(l) && (b === null || l < b)) best = p;
  }
  if (!best) return { bestEpoch: null, bestVal: null, gap: null };
  return {
    bestEpoch: best.epoch,
    bestVal: hasVal ? best.valLoss : null,
    gap: hasVal && best.trainLoss !== null ? best.valLoss! - best.trainLoss : null,
  };
}

/** The settings a sweep group trained with: the saved base settings with its values set. */
export function groupSettings(sweep: SavedSweep, values: Record<string, number | string>) {
  const base = { ...(sweep.settings as unknown as TrainSettings) };
  const out: Record<string, unknown> = base;
  for (const [key, v] of Object.entries(values)) {
    const name = SWEPT_SETTING[key];
    if (name) out[name] = v;
    else if (key === 'noise' || key === 'mixup') {
      const a = base.augment ?? { noise: null, mixup: null, image: null };
      out.augment = { ...a, [key]: v === 0 ? null : v };
    }
  }
  return out as unknown as TrainSettings;
}

/** A sweep's parameter combination as one side: the mean over its finished seeds. */
export function groupSide(sweep: SavedSweep, group: string): CompareSide | null {
  const all = sweep.variants.filter((v) => v.group === group);
  if (!all.length) return null;
  const ok = all.filter((v) => v.status === 'completed' || v.status === 'stopped');
  const len = Math.max(0, ...ok.map((v) => v.curve.length));
  const curve = Array.from({ length: len }, (_, i) => ({
    epoch: i + 1,
    trainLoss: meanOf(ok.map((v) => v.curve[i]?.train)),
    valLoss: meanOf(ok.map((v) => v.curve[i]?.val)),
    trainMetric: null,
    valMetric: null,
  }));
  const values = all[0]!.values;
  const graph = sweep.graph ? withLayerValues(sweep.graph, values) : null;
  return {
    key: `group:${sweep.sweepId}:${group}`,
    label: `${sweep.sweepId} · ${group} (${ok.length} seed${ok.length === 1 ? '' : 's'})`,
    kind: 'group',
    seeds: ok.map((v) => v.seed),
    settings: groupSettings(sweep, values),
    graph,
    layerValues: Object.entries(values)
      .filter(([k]) => k.includes('.'))
      .map(([k, v]) => `${k} = ${v}`),
    dataset: sweep.dataset?.name ?? null,
    datasetHash: sweep.dataset?.hash ?? null,
    metric: null,
    curve,
    epochs: [],
    weights: null,
    finals: {
      bestEpoch: meanOf(ok.map((v) => v.bestEpoch)),
      bestVal: meanOf(ok.map((v) => v.bestVal)),
      gap: meanOf(ok.map((v) => v.gap)),
      test: meanOf(ok.map((v) => v.test)),
      params: null,
      timeMs: meanOf(ok.map((v) => v.elapsedMs)),
    },
    bestVals: ok.map((v) => v.bestVal).filter((x): x is number => x !== null),
    // A sweep saves data losses (../sweep/result.ts).
    lossBasis: 'data',
  };
}

/**
 * A run retrained with several seeds as one side: the run's network, data and settings, the
 * mean curves, and each seed's best validation loss (of training loss without validation).
 */
export function seedsSide(group: SeedGroup, run: RunView | null): CompareSide {
  const penaltyAt = (k: number, i: number) => group.penalty?.[k]?.[i] ?? 0;
  const per = group.seeds.map((_, k) => {
    const curve = (group.trainLoss[k] ?? []).map((t, i) => ({
      epoch: i + 1,
      trainLoss: lessPenalty(t, penaltyAt(k, i)),
      valLoss: lessPenalty(group.valLoss[k]?.[i], penaltyAt(k, i)),
      trainMetric: null,
      valMetric: null,
    }));
    return { curve, best: bestOf(curve) };
  });
  const len = Math.max(0, ...per.map((p) => p.curve.length));
  const curve = Array.from({ length: len }, (_, i) => ({
    epoch: i + 1,
    trainLoss: meanOf(per.map((p) => p.curve[i]?.trainLoss)),
    valLoss: meanOf(per.map((p) => p.curve[i]?.valLoss)),
    trainMetric: null,
    valMetric: null,
  }));
  const hasVal = curve.some((p) => p.valLoss !== null);
  return {
    key: `seeds:${group.runId}`,
    label: `${group.runId} × ${group.seeds.length} seeds`,
    kind: 'group',
    seeds: group.seeds,
    settings: run?.settings ?? null,
    graph: run?.graph ?? null,
    layerValues: [],
    dataset: run?.dataset ?? null,
    datasetHash: run?.datasetHash ?? null,
    metric: null,
    curve,
    epochs: [],
    weights: null,
    finals: {
      bestEpoch: meanOf(per.map((p) => p.best.bestEpoch)),
      bestVal: meanOf(per.map((p) => p.best.bestVal)),
      gap: meanOf(per.map((p) => p.best.gap)),
      test: null,
      params: parameterTotal(run?.graph ?? null, run?.done?.weightStats ?? null),
      timeMs: null,
    },
    bestVals: per
      .map((p) =>
        hasVal
          ? p.best.bestVal
          : (p.curve.find((c) => c.epoch === p.best.bestEpoch)?.trainLoss ?? null),
      )
      .filter((x): x is number => x !== null),
    lossBasis:
      group.penalty || !isRegularised(run?.settings ?? null, run?.graph ?? null)
        ? 'data'
        : 'penalised',
  };
}

/**
 * Everything the pickers offer: the runs (newest first), the runs retrained with several seeds,
 * then each saved sweep's groups.
 */
export function sideOptions(
  runs: readonly RunView[],
  sweeps: readonly SavedSweep[],
  seedGroups: readonly SeedGroup[] = [],
) {
  const out: SideOption[] = runs
    .filter((r) => r.state === 'done')
    .map((r) => ({
      key: `run:${r.runId}`,
      label: `${r.runId} · ${r.dataset} · ${r.epochs.length} epochs`,
    }));
  for (const g of seedGroups)
    out.push({ key: `seeds:${g.runId}`, label: `${g.runId} × ${g.seeds.length} seeds` });
  for (const s of sweeps) {
    const groups = [...new Set(s.variants.map((v) => v.group))];
    for (const g of groups) {
      const n = s.variants.filter((v) => v.group === g).length;
      out.push({ key: `group:${s.sweepId}:${g}`, label: `${s.sweepId} · ${g} (${n} seeds)` });
    }
  }
  return out;
}

/** The side a picker's key names, or null when it is gone. */
export function sideOf(
  key: string,
  runs: readonly RunView[],
  sweeps: readonly SavedSweep[],
  seedGroups: readonly SeedGroup[] = [],
): CompareSide | null {
  if (key.startsWith('seeds:')) {
    const g = seedGroups.find((x) => `seeds:${x.runId}` === key);
    return g ? seedsSide(g, runs.find((r) => r.runId === g.runId) ?? null) : null;
  }
  if (key.startsWith('run:')) {
    const run = runs.find((r) => `run:${r.runId}` === key);
    return run ? runSide(run) : null;
  }
  const [, sweepId, ...rest] = key.split(':');
  const sweep = sweeps.find((s) => s.sweepId === sweepId);
  return sweep ? groupSide(sweep, rest.join(':')) : null;
}

/** What a layer is, in a table cell: "16 units, bias, he, L2 0.01". */
export function layerText(n: RunNode): string {
  switch (n.kind) {
    case 'dense': {
      const p = n.params;
      return [
        `${p.units} units`,
        p.useBias ? 'bias' : 'no bias',
        p.initializer,
        ...(p.l1 !== null ? [`L1 ${p.l1}`] : []),
        ...(p.l2 !== null ? [`L2 ${p.l2}`] : []),
      ].join(', ');
    }
    case 'activation':
      return n.params.fn === 'leaky_relu' ? `leaky_relu α ${n.params.alpha}` : n.params.fn;
    case 'dropout':
      return `rate ${n.params.rate}`;
    case 'output':
      return `loss ${n.params.loss}`;
    default:
      return n.kind;
  }
}

export interface LayerRow {
  id: string;
  kind: string;
  a: string | null;
  b: string | null;
  differs: boolean;
}

/** Both networks layer by layer, matched by node id, in B's chain order (A's removed ones kept in place). */
export function layerRows(a: RunGraph | null, b: RunGraph | null): LayerRow[] {
  const left = a ? chainOrder(a) : [];
  const right = b ? chainOrder(b) : [];
  const byA = new Map(left.map((n) => [n.id, n]));
  const inB = new Set(right.map((n) => n.id));
  const rows: LayerRow[] = [];
  const push = (x: RunNode | undefined, y: RunNode | undefined) => {
    const ta = x ? layerText(x) : null;
    const tb = y ? layerText(y) : null;
    rows.push({
      id: (y ?? x)!.id,
      kind: x && y && x.kind !== y.kind ? `${x.kind} → ${y.kind}` : (y ?? x)!.kind,
      a: ta,
      b: tb,
      differs: !!a && !!b && (ta !== tb || x?.kind !== y?.kind),
    });
  };
  let i = 0;
  for (const y of right) {
    // A's layers that B no longer has, where they stood.
    while (i < left.length && !inB.has(left[i]!.id)) push(left[i++], undefined);
    if (i < left.length && left[i]!.id === y.id) i++;
    push(byA.get(y.id), y);
  }
  while (i < left.length)
    if (!inB.has(left[i]!.id)) push(left[i++], undefined);
    else i++;
  return rows;
}

/** The network difference as phrases; null when either side did not record its network. */
export function networkPhrases(a: CompareSide, b: CompareSide): string[] | null {
  return a.graph && b.graph ? graphDiff(a.graph, b.graph) : null;
}

/** "same training data", "other training data", or null when either is unknown. */
export function dataPhrase(a: CompareSide, b: CompareSide): string {
  if (!a.datasetHash || !b.datasetHash) return 'training data not recorded for both';
  return a.datasetHash === b.datasetHash
    ? `same training data (${a.dataset ?? ''} · ${a.datasetHash.slice(0, 8)})`
    : `other training data: ${a.dataset ?? '?'} · ${a.datasetHash.slice(0, 8)} vs ${b.dataset ?? '?'} · ${b.datasetHash.slice(0, 8)}`;
}

export interface FinalRow {
  label: string;
  a: string;
  b: string;
  /** Which side is better on this row (lower loss, gap, time; higher accuracy), if any. */
  better: 'a' | 'b' | null;
}

/** A loss row's label naming its basis: "Best validation loss (without L1/L2 penalty)". */
function lossLabel(a: CompareSide, b: CompareSide, what: string): string {
  if (a.lossBasis === 'data' && b.lossBasis === 'data') return `${what} (without L1/L2 penalty)`;
  if (a.lossBasis === b.lossBasis) return `${what} (with L1/L2 penalty)`;
  return `${what} (A ${a.lossBasis === 'data' ? 'without' : 'with'}, B ${b.lossBasis === 'data' ? 'without' : 'with'} penalty)`;
}

const num = (v: number | null, digits = 4) => (v === null ? '–' : v.toFixed(digits));

/** The final numbers side by side, the better one marked where "better" means something. */
export function finalRows(a: CompareSide, b: CompareSide): FinalRow[] {
  const metric = a.metric ?? b.metric;
  const lower = (x: number | null, y: number | null) =>
    x === null || y === null || x === y ? null : x < y ? 'a' : 'b';
  const higher = (x: number | null, y: number | null) =>
    x === null || y === null || x === y ? null : x > y ? 'a' : 'b';
  const A = a.finals;
  const B = b.finals;
  const epochs = (v: number | null) => (v === null ? '–' : String(Math.round(v * 10) / 10));
  return [
    { label: 'Best epoch', a: epochs(A.bestEpoch), b: epochs(B.bestEpoch), better: null },
    {
      label: lossLabel(a, b, 'Best validation loss'),
      a: num(A.bestVal),
      b: num(B.bestVal),
      better: lower(A.bestVal, B.bestVal),
    },
    {
      label: metric === 'mae' ? 'Test MAE' : 'Test accuracy',
      a: num(A.test),
      b: num(B.test),
      better: metric === 'mae' ? lower(A.test, B.test) : higher(A.test, B.test),
    },
    {
      label: lossLabel(a, b, 'Generalization gap'),
      a: num(A.gap),
      b: num(B.gap),
      better: lower(A.gap, B.gap),
    },
    {
      label: 'Parameters',
      a: A.params === null ? '–' : A.params.toLocaleString('en-US'),
      b: B.params === null ? '–' : B.params.toLocaleString('en-US'),
      better: null,
    },
    {
      label: 'Training time',
      a: A.timeMs === null ? '–' : `${(A.timeMs / 1000).toFixed(1)} s`,
      b: B.timeMs === null ? '–' : `${(B.timeMs / 1000).toFixed(1)} s`,
      better: null,
    },
  ];
}

/** Pairs of weight histograms by layer position (the first Dense of each, then the second…). */
export function weightPairs(a: CompareSide, b: CompareSide) {
  const n = Math.max(a.weights?.length ?? 0, b.weights?.length ?? 0);
  return Array.from({ length: n }, (_, i) => ({
    a: a.weights?.[i] ?? null,
    b: b.weights?.[i] ?? null,
  }));
}
