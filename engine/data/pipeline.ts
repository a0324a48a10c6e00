/**
 * The dataset import pipeline in one place: a parsed table + options → column roles, task, kept
 * rows, seeded split, encoder fitted on the training rows, sanity findings and the compact
 * summary. Parsing and inference run once per file (`loadTable`); `prepare` reruns on every
 * option change.
 */
import type { Column } from './csv/column';
import type { RawTable } from './csv/parse';
import { classOrder, fitEncoderSteps, numericCell, type Encoder, type FeaturePlan } from './encode';
import { DatasetError } from './errors';
import { categoryIndexer, categoryKey, categoryKeys, inferColumn, type Inference } from './infer';
import { detectImage } from './image';
import { readingFindings } from './reading';
import { countRepeatsSteps, rowHashSteps } from './rowhash';
import { CHECKS, type ClassCounts, type SanityInput } from './sanity';
import { splitRowsSteps, type Splits } from './split';
import { runSteps } from './steps';
import { histogram, numericStats, topCategories, topOf } from './stats';
import { checkTestColumns, crossDuplicates, prepareTest, type TestPart } from './testfile';
import {
  USABLE_KINDS,
  type ColumnKind,
  type ColumnSummary,
  type DatasetOptions,
  type DatasetSummary,
  type Finding,
  type ImputeStrategy,
  type Task,
} from './types';

export interface TableSource {
  id: string;
  name: string;
  size: number;
  encoding: 'utf-8' | 'latin-1';
  notes: string[];
}

export interface LoadedTable {
  table: RawTable;
  inferred: Inference[];
  source: TableSource;
}

export interface Prepared {
  summary: DatasetSummary;
  /** Null while an error finding stands. */
  encoder: Encoder | null;
  splits: Splits | null;
  /** The separate test file's rows and its view of the encoder, when there is one. */
  test: TestPart | null;
}

export function loadTable(table: RawTable, source: TableSource): LoadedTable {
  return { table, source, inferred: table.columns.map(inferColumn) };
}

const MAX_CLASSES = 100;
const MAX_FEATURE_NAMES = 500;

function defaultImpute(kind: ColumnKind): ImputeStrategy {
  return kind === 'numeric' || kind === 'integer' ? 'mean' : 'mostFrequent';
}

function guessTask(kind: ColumnKind, distinct: number): Task {
  if (kind === 'numeric') return 'regression';
  if (kind === 'integer') return distinct <= 20 ? 'classification' : 'regression';
  return 'classification';
}

interface TargetInfo {
  task: Task;
  classes: string[] | null;
  /** Class index per table row, -1 where missing (classification only). */
  labels: Int32Array | null;
  errors: Finding[];
}

/** Rows between pauses in long per-row loops (see prepareAsync). */
const ROWS_PER_STEP = 1 << 18;

function* resolveTarget(
  loaded: LoadedTable,
  ti: number,
  kind: ColumnKind,
  options: DatasetOptions,
): Generator<void, TargetInfo> {
  const { table, inferred } = loaded;
  const target = table.columns[ti]!;
  const task: Task =
    options.task === 'auto' ? guessTask(kind, inferred[ti]!.distinct) : options.task;
  let classes: string[] | null = null;
  let labels: Int32Array | null = null;
  if (task === 'classification') {
    classes = classOrder(categoryKeys(target, MAX_CLASSES));
    const labelOf = categoryIndexer(target, new Map(classes.map((c, i) => [c, i])));
    labels = new Int32Array(table.rows);
    for (let r = 0; r < table.rows; r++) {
      if (r % ROWS_PER_STEP === 0) yield;
      labels[r] = labelOf(r);
    }
  }
  const errors: Finding[] = [];
  const name = target.name;
  if (target.missing === target.length) {
    errors.push(
      gate(
        'target-all-missing',
        'The target has no values',
        `Every value of the target column "${name}" is missing. Choose another target column.`,
      ),
    );
  } else if (classes && classes.length > MAX_CLASSES) {
    errors.push(
      gate(
        'target-many-classes',
        'Too many classes',
        `The target "${name}" has more than ${MAX_CLASSES} different values. Is it a numeric target (choose regression) or the wrong column?`,
      ),
    );
  } else if (classes && classes.length < 2) {
    errors.push(
      gate(
        'target-one-class',
        'The target has only one class',
        `Every row of "${name}" is "${classes[0]}": there is nothing to tell apart. Choose another target column.`,
      ),
    );
  } else if (task === 'regression' && target.numbers === 0) {
    errors.push(
      gate(
        'target-not-numeric',
        'The target is not numeric',
        `Regression needs numbers, but "${name}" holds text. Choose classification or another column.`,
      ),
    );
  }
  return { task, classes, labels, errors };
}

/** Runs the pipeline to the end in one go (tests, the CLI, small files). */
export function prepare(
  loaded: LoadedTable,
  options: DatasetOptions,
  test: LoadedTable | null = null,
): Prepared {
  return runSteps(steps(loaded, options, test));
}

/**
 * The same, pausing (awaiting `pause`, e.g. setImmediate) whenever a stretch of work has run for
 * `budgetMs`, so the main side keeps answering while a big table is analysed.
 */
export async function prepareAsync(
  loaded: LoadedTable,
  options: DatasetOptions,
  pause: () => Promise<void>,
  test: LoadedTable | null = null,
  budgetMs = 25,
): Promise<Prepared> {
  const it = steps(loaded, options, test);
  let last = Date.now();
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    if (Date.now() - last >= budgetMs) {
      await pause();
      last = Date.now();
    }
  }
}

/** The pipeline as a generator: it yields between stretches of work (see prepareAsync). */
function* steps(
  loaded: LoadedTable,
  options: DatasetOptions,
  test: LoadedTable | null,
): Generator<void, Prepared> {
  const { table, inferred, source } = loaded;
  const ti =
    options.target === null ? table.columns.length - 1 : table.header.indexOf(options.target);
  if (ti < 0) {
    throw new DatasetError(
      `"${source.name}" has no column "${options.target}"; its columns are ${table.header.join(', ')}.`,
      { problem: 'bad-options', file: source.name, column: options.target ?? '' },
    );
  }
  const target = table.columns[ti]!;
  const kindOf = (j: number) => options.columns[table.header[j]!]?.kind ?? inferred[j]!.kind;
  yield;
  const { task, classes, labels, errors } = yield* resolveTarget(loaded, ti, kindOf(ti), options);
  const targetCounts = classes && labels ? allClassCounts(labels, classes.length) : null;
  yield;

  // Columns: roles, kinds, imputation, statistics.
  const columns: ColumnSummary[] = [];
  const plans: FeaturePlan[] = [];
  const features: { col: Column; summary: ColumnSummary }[] = [];
  for (let j = 0; j < table.columns.length; j++) {
    yield;
    const col = table.columns[j]!;
    const inf = inferred[j]!;
    const o = options.columns[col.name] ?? {};
    const kind = kindOf(j);
    const usable = USABLE_KINDS.includes(kind);
    const role = j === ti ? 'target' : usable && o.use !== false ? 'feature' : 'excluded';
    let impute = o.impute ?? defaultImpute(kind);
    if (kind === 'categorical' && (impute === 'mean' || impute === 'median'))
      impute = 'mostFrequent';
    const isNum = kind === 'numeric' || kind === 'integer' || kind === 'boolean';
    const stats = isNum ? numericStats(col, kind) : null;
    const showTop =
      kind === 'categorical' || kind === 'boolean' || (j === ti && task === 'classification');
    const reason =
      role === 'excluded' && o.use === false
        ? 'left out by you'
        : role === 'excluded' && !inf.reason
          ? `${kind} columns cannot be features`
          : inf.reason;
    const summary: ColumnSummary = {
      name: col.name,
      index: j,
      kind,
      inferredKind: inf.kind,
      role,
      reason,
      missing: col.missing,
      invalid: inf.invalid + inf.nonFinite,
      distinct: inf.distinct,
      impute,
      stats,
      histogram: stats && kind !== 'boolean' ? histogram(col, kind, stats) : null,
      top: !showTop
        ? null
        : j === ti && targetCounts && classes!.length <= MAX_CLASSES
          ? // The classes were counted already (a pass over a big target column saved).
            topOf(new Map(classes!.map((c, i) => [c, targetCounts[i]!])))
          : topCategories(col),
    };
    columns.push(summary);
    if (role === 'feature') {
      plans.push({ col, kind, impute, fill: o.fill });
      features.push({ col, summary });
    }
  }
  if (features.length === 0)
    errors.push(
      gate(
        'no-features',
        'No feature columns',
        `Every column except the target "${target.name}" is left out (constant, identifier, text or dates). Include at least one column as a feature.`,
      ),
    );

  // Rows: drop missing targets and rows with gaps in 'drop' columns, then duplicates.
  const dropped = { missingTarget: 0, missingFeature: 0, duplicates: 0 };
  const dropCols = plans.filter((p) => p.impute === 'drop');
  const isGap = (p: FeaturePlan, r: number) =>
    p.kind === 'categorical'
      ? categoryKey(p.col, r) === null
      : numericCell(p, r) !== numericCell(p, r);
  let keptRows = new Int32Array(table.rows);
  let n = 0;
  for (let r = 0; r < table.rows; r++) {
    const hasTarget = labels ? labels[r]! >= 0 : target.number(r) === target.number(r);
    if (!hasTarget) dropped.missingTarget++;
    else if (dropCols.length && dropCols.some((p) => isGap(p, r))) dropped.missingFeature++;
    else keptRows[n++] = r;
  }
  const hashes = yield* rowHashSteps([...plans.map((p) => p.col), target], table.rows);
  yield;
  if (options.dropDuplicates) {
    const seen = new Set<number>();
    let m = 0;
    for (let i = 0; i < n; i++) {
      const h = hashes[keptRows[i]!]!;
      if (seen.has(h)) {
        dropped.duplicates++;
      } else {
        seen.add(h);
        keptRows[m++] = keptRows[i]!;
      }
    }
    n = m;
  }
  keptRows = keptRows.slice(0, n);
  if (errors.length === 0 && keptRows.length < 3)
    errors.push(
      gate(
        'no-rows',
        'Too few rows',
        `Only ${keptRows.length} rows remain after leaving out rows with a missing target or missing values. Change the missing-value strategy.`,
      ),
    );

  let splits: Splits | null = null;
  let encoder: Encoder | null = null;
  let duplicatesAcross = 0;
  let testPart: TestPart | null = null;
  if (test) checkTestColumns(loaded, test, [...plans.map((p) => p.col.name), target.name]);
  if (errors.length === 0) {
    const stratified = task === 'classification' && options.stratify;
    splits = yield* splitRowsSteps({
      rows: keptRows,
      // With a test file, the test split comes from it: this file gives train and validation.
      fractions: test ? { ...options.split, test: 0 } : options.split,
      seed: options.seed,
      shuffle: options.shuffle,
      labels: stratified ? gather(labels!, keptRows) : null,
    });
    yield;
    duplicatesAcross = yield* countRepeatsSteps(hashes, splits);
    yield;
    encoder = yield* fitEncoderSteps(plans, target, task, classes, splits.train, options.scaling);
    yield;
    if (test) {
      testPart = prepareTest(test, encoder);
      yield;
      const dups = crossDuplicates(encoder, splits.train, testPart);
      if (options.dropDuplicates && dups.length) {
        testPart = prepareTest(test, encoder, new Set(dups));
        dropped.duplicates += dups.length;
      } else {
        duplicatesAcross += dups.length;
      }
    }
  }
  const nClasses = classes?.length ?? 0;
  const classCounts: ClassCounts | null =
    splits && labels
      ? {
          kept: countClasses(labels, keptRows, nClasses),
          train: countClasses(labels, splits.train, nClasses),
          validation: countClasses(labels, splits.validation, nClasses),
          test: countClasses(labels, splits.test, nClasses),
        }
      : null;
  const checks: Finding[] = [];
  if (errors.length === 0) {
    const input: SanityInput = {
      classCounts,
      inferred,
      lines: table.lines,
      options,
      task,
      classes,
      labels,
      target,
      kept: keptRows,
      features,
      columns,
      splits,
      duplicatesAcross,
    };
    for (const check of CHECKS) {
      yield;
      checks.push(...check(input));
    }
  }
  const findings = [
    ...errors,
    ...readingFindings(loaded, columns),
    ...checks,
    ...(testPart?.findings ?? []),
  ];
  const splitCounts = classCounts && {
    train: classCounts.train,
    validation: classCounts.validation,
    test: testPart?.classCounts ?? classCounts.test,
  };
  yield;
  const targetStats = task === 'regression' ? numericStats(target, 'numeric') : null;
  const width =
    encoder?.width ??
    plans.reduce(
      (w, p) =>
        w + (p.kind === 'categorical' ? inferred[table.columns.indexOf(p.col)]!.distinct : 1),
      0,
    );
  const summary: DatasetSummary = {
    id: source.id,
    file: {
      name: source.name,
      size: source.size,
      encoding: source.encoding,
      delimiter: table.dialect.delimiter,
      decimalComma: table.dialect.decimalComma,
      hasHeader: table.hasHeader,
      rows: table.rows,
      columns: table.columns.length,
      emptyLines: table.emptyLines,
      badRows: table.badRows,
      badRowCount: table.badRowCount,
      notes: [...source.notes, ...table.notes],
    },
    preview: { header: table.header, rows: table.preview },
    columns,
    target: {
      name: target.name,
      task,
      classes,
      classCounts: targetCounts,
      stats: targetStats,
    },
    encoding: {
      features: width,
      featureNames: (encoder?.featureNames ?? plans.map((p) => p.col.name)).slice(
        0,
        MAX_FEATURE_NAMES,
      ),
      scaling: options.scaling,
    },
    image: detectImage(columns, table.columns),
    droppedRows: dropped,
    split: splits && {
      train: splits.train.length,
      validation: splits.validation.length,
      test: testPart ? testPart.rows.length : splits.test.length,
      testFile: testPart
        ? { name: testPart.name, rows: testPart.rows.length, leftOut: testPart.leftOut }
        : null,
      stratified: task === 'classification' && options.stratify,
      shuffled: options.shuffle,
      seed: options.seed,
      classCounts: splitCounts,
    },
    findings,
    ready: !findings.some((f) => f.severity === 'error'),
    options,
  };
  return { summary, encoder, splits, test: testPart };
}

/** values[rows[i]] for each i (a loop: a mapping callback per row is slow on big tables). */
function gather(values: Int32Array, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!;
  return out;
}

/** Rows of each of `n` classes among `rows` (labels per table row). */
function countClasses(labels: Int32Array, rows: Int32Array, n: number): number[] {
  const counts = new Int32Array(n);
  for (let i = 0; i < rows.length; i++) counts[labels[rows[i]!]!]!++;
  return Array.from(counts);
}

function allClassCounts(labels: Int32Array, n: number): number[] {
  const c = new Int32Array(n);
  for (let i = 0; i < labels.length; i++) if (labels[i]! >= 0) c[labels[i]!]!++;
  return Array.from(c);
}

function gate(id: string, title: string, detail: string): Finding {
  return { id, severity: 'error', title, detail, fix: null };
}
