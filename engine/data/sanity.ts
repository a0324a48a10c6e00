/**
 * The sanity gate: what looks wrong with the data before anyone trains on it. Each check is a
 * small function returning findings; a finding of severity 'error' blocks training, the others
 * explain (and, where one exists, offer a one-click fix as an options patch).
 */
import type { Column } from './csv/column';
import { categoryKey, type Inference } from './infer';
import { nonFiniteNumbers } from './nonfinite';
import type { Splits } from './split';
import type { ColumnSummary, DatasetOptions, Finding, Task } from './types';

export interface SanityInput {
  options: DatasetOptions;
  task: Task;
  classes: string[] | null;
  /** Class index per table row (-1 where the target is missing); classification only. */
  labels: Int32Array | null;
  target: Column;
  /** Rows kept for splitting, in file order. */
  kept: Int32Array;
  features: { col: Column; summary: ColumnSummary }[];
  columns: ColumnSummary[];
  splits: Splits | null;
  /** Validation/test rows that repeat a training row exactly. */
  duplicatesAcross: number;
  /** Rows per class among the kept rows and in each split (classification with splits only). */
  classCounts: ClassCounts | null;
  /** Inference per table column. */
  inferred: readonly Inference[];
  /** File line of each table row, for messages. */
  lines: Int32Array;
}

export interface ClassCounts {
  kept: number[];
  train: number[];
  validation: number[];
  test: number[];
}

type Check = (s: SanityInput) => Finding[];

const pct = (x: number) => `${Math.round(x * 100)} %`;

const sortedByClass: Check = (s) => {
  if (!s.labels || !s.classes || s.classes.length < 2 || s.kept.length < 10) return [];
  let changes = 0;
  for (let i = 1; i < s.kept.length; i++)
    if (s.labels[s.kept[i]!] !== s.labels[s.kept[i - 1]!]) changes++;
  const tailShare = s.options.split.test > 0 ? s.options.split.test : 0.15;
  const tailStart = Math.floor(s.kept.length * (1 - tailShare));
  const tail = new Set<number>();
  for (let i = Math.max(0, tailStart); i < s.kept.length; i++) tail.add(s.labels[s.kept[i]!]!);
  if (changes > 2 * s.classes.length && tail.size > 1) return [];
  const last = s.classes[s.labels[s.kept[s.kept.length - 1]!]!] ?? '?';
  const handled = s.options.shuffle && s.options.stratify;
  return [
    {
      id: 'sorted-by-class',
      severity: handled ? 'info' : 'warning',
      title: 'File sorted by class',
      detail:
        `The rows are grouped by class (the class changes only ${changes} time${changes === 1 ? '' : 's'} from top to bottom). ` +
        `Taking the last rows as test data would test on class "${last}" alone. ` +
        (handled
          ? `Handled: rows are shuffled with seed ${s.options.seed} and the split is stratified, so every split gets every class.`
          : 'Shuffle and stratify the split so every split gets every class.'),
      fix: handled
        ? null
        : { label: 'Shuffle and stratify', patch: { shuffle: true, stratify: true } },
    },
  ];
};

const differentScales: Check = (s) => {
  const numeric = s.features.filter(
    (f) => (f.summary.kind === 'numeric' || f.summary.kind === 'integer') && f.summary.stats,
  );
  const spread = numeric
    .map((f) => ({ name: f.summary.name, std: f.summary.stats!.std }))
    .filter((f) => f.std > 0);
  if (spread.length < 2) return [];
  spread.sort((a, b) => a.std - b.std);
  const lo = spread[0]!;
  const hi = spread[spread.length - 1]!;
  if (hi.std / lo.std < 100) return [];
  const off = s.options.scaling === 'none';
  return [
    {
      id: 'different-scales',
      severity: off ? 'warning' : 'info',
      title: 'Features on very different scales',
      detail:
        `"${hi.name}" spreads about ${fmt(hi.std / lo.std)}× more than "${lo.name}" (standard deviation ${fmt(hi.std)} vs ${fmt(lo.std)}). ` +
        (off
          ? 'Without scaling, the large feature dominates the first layer and training is slow or unstable.'
          : `Handled: features are scaled (${s.options.scaling}) with statistics from the training split only.`),
      fix: off ? { label: 'Standardize features', patch: { scaling: 'standardize' } } : null,
    },
  ];
};

const excludedColumns: Check = (s) => {
  const out: Finding[] = [];
  for (const kind of ['constant', 'identifier'] as const) {
    const left = s.columns.filter((c) => c.role === 'excluded' && c.kind === kind);
    if (left.length)
      out.push({
        id: `${kind}-columns`,
        severity: 'info',
        title: kind === 'constant' ? 'Constant columns left out' : 'Identifier columns left out',
        detail: `${left.map((c) => `"${c.name}"`).join(', ')}: ${left[0]!.reason ?? ''}. They carry nothing a network can learn from.`,
        fix: null,
      });
    const kept = s.features.filter((f) => f.summary.inferredKind === kind);
    for (const f of kept)
      out.push({
        id: `${kind}-column-used`,
        severity: 'warning',
        title: kind === 'constant' ? 'A constant column is used' : 'An identifier column is used',
        detail: `"${f.summary.name}" looks like ${kind === 'constant' ? 'a constant' : 'an identifier'} (${f.summary.reason ?? ''}); the network can only memorise it.`,
        fix: {
          label: `Leave out "${f.summary.name}"`,
          patch: { columns: { [f.summary.name]: { use: false } } },
        },
      });
  }
  return out;
};

const leakage: Check = (s) => {
  const out: Finding[] = [];
  for (const f of s.features) {
    const why = s.labels
      ? predictsClass(f.col, s.labels, s.kept)
      : equalsNumber(f.col, s.target, s.kept);
    if (!why) continue;
    out.push({
      id: 'leakage',
      severity: 'warning',
      title: 'A feature gives the answer away',
      detail: `"${f.summary.name}" ${why}. It is probably derived from the target (leakage): the network would learn it instead of the real pattern.`,
      fix: {
        label: `Leave out "${f.summary.name}"`,
        patch: { columns: { [f.summary.name]: { use: false } } },
      },
    });
  }
  return out;
};

function predictsClass(col: Column, labels: Int32Array, kept: Int32Array): string | null {
  const map = new Map<string, number>();
  for (const r of kept) {
    const k = categoryKey(col, r);
    if (k === null) return null;
    const prev = map.get(k);
    if (prev === undefined) map.set(k, labels[r]!);
    else if (prev !== labels[r]) return null;
  }
  // A value unique to every row "predicts" trivially; only few distinct values count.
  return map.size <= kept.length / 2 ? 'predicts the target perfectly on every row' : null;
}

function equalsNumber(col: Column, target: Column, kept: Int32Array): string | null {
  let n = 0;
  let sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0;
  let equal = true;
  for (const r of kept) {
    const x = col.number(r);
    const y = target.number(r);
    if (x !== x) return null;
    if (x !== y) equal = false;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    syy += y * y;
    sxy += x * y;
  }
  if (n < 3) return null;
  if (equal) return 'is identical to the target';
  const cov = sxy / n - (sx / n) * (sy / n);
  const vx = sxx / n - (sx / n) ** 2;
  const vy = syy / n - (sy / n) ** 2;
  const corr = vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0;
  return Math.abs(corr) >= 0.9999 ? 'is an exact linear function of the target' : null;
}

const duplicates: Check = (s) =>
  s.duplicatesAcross > 0 && !s.options.dropDuplicates
    ? [
        {
          id: 'duplicates-across-splits',
          severity: 'warning',
          title: 'Duplicate rows across splits',
          detail: `${s.duplicatesAcross} validation or test row${s.duplicatesAcross === 1 ? ' repeats' : 's repeat'} a training row exactly, which makes validation and test scores look better than they are.`,
          fix: { label: 'Drop duplicate rows', patch: { dropDuplicates: true } },
        },
      ]
    : [];

/** A class this many times rarer than the average class is worth a warning. */
const IMBALANCE_RATIO = 0.2;

/**
 * Judged against the number of classes: with k classes the average class has n/k rows, so ten
 * balanced classes of ~10 % each are fine while a binary target with a 10 % class is not.
 */
const imbalance: Check = (s) => {
  if (!s.classCounts || !s.classes || s.classes.length < 2) return [];
  const counts = s.classCounts.kept;
  const min = Math.min(...counts);
  const mean = s.kept.length / counts.length;
  if (min >= IMBALANCE_RATIO * mean) return [];
  const which = s.classes[counts.indexOf(min)]!;
  const share = min / s.kept.length;
  const times =
    min === 0 ? '' : `, ${fmt(mean / min)}× fewer than the average class (${fmt(mean)})`;
  return [
    {
      id: 'class-imbalance',
      severity: 'warning',
      title: 'Imbalanced classes',
      detail: `Class "${which}" has ${min} of ${s.kept.length} rows (${pct(share)})${times}. Accuracy can look high while that class is never predicted; watch per-class results.`,
      fix: null,
    },
  ];
};

const fewPerClass: Check = (s) => {
  if (!s.splits || !s.classCounts || !s.classes) return [];
  const thin: string[] = [];
  for (const name of ['train', 'validation', 'test'] as const) {
    if (s.splits[name].length === 0) continue;
    const counts = s.classCounts[name];
    counts.forEach((c, i) => {
      if (c < 5) thin.push(`${name}: class "${s.classes![i]}" has ${c}`);
    });
  }
  if (thin.length === 0) return [];
  const bigger = s.options.split.test < 0.2 || s.options.split.validation < 0.2;
  return [
    {
      id: 'few-rows-per-class',
      severity: 'warning',
      title: 'Fewer than 5 rows of a class in a split',
      detail: `${thin.slice(0, 4).join('; ')}${thin.length > 4 ? '; …' : ''}. Scores on so few rows are mostly luck.`,
      fix: bigger
        ? {
            label: 'Use a 60/20/20 split',
            patch: { split: { train: 0.6, validation: 0.2, test: 0.2 } },
          }
        : null,
    },
  ];
};

const tooManyParameters: Check = (s) => {
  const p = s.options.parameters;
  const train = s.splits?.train.length ?? 0;
  if (p === null || train === 0 || p <= 10 * train) return [];
  return [
    {
      id: 'too-many-parameters',
      severity: 'warning',
      title: 'Many more parameters than training rows',
      detail: `The network has ${p} parameters for ${train} training rows (${fmt(p / train)}× as many): it can memorise the data. Use fewer units, dropout or L2, or more data.`,
      fix: null,
    },
  ];
};

export const CHECKS: readonly Check[] = [
  nonFiniteNumbers,
  sortedByClass,
  differentScales,
  excludedColumns,
  leakage,
  duplicates,
  imbalance,
  fewPerClass,
  tooManyParameters,
];

export function runChecks(s: SanityInput): Finding[] {
  return CHECKS.flatMap((c) => c(s));
}

function fmt(x: number): string {
  return x >= 100 ? String(Math.round(x)) : x.toPrecision(3).replace(/\.?0+$/, '');
}
