/**
 * Plain data shapes of the dataset pipeline (CSV → typed columns → encoded splits).
 *
 * These are JSON-friendly on purpose: the compact `DatasetSummary` is what crosses IPC (the
 * contract's zod schemas are checked against these types), while the rows stay on the main side.
 */
import type { ImageInfo } from './image';

/** What a column holds, as inferred (or as the user overrode it). */
export type ColumnKind =
  | 'numeric'
  | 'integer'
  | 'boolean'
  | 'categorical'
  | 'identifier'
  | 'constant'
  | 'text'
  | 'date'
  | 'empty';

/** Kinds that can feed the network; the rest are excluded (with a reason). */
export const USABLE_KINDS: readonly ColumnKind[] = ['numeric', 'integer', 'boolean', 'categorical'];

export type ImputeStrategy = 'drop' | 'mean' | 'median' | 'mostFrequent' | 'constant';
export type Scaling = 'standardize' | 'minmax' | 'none';
export type Task = 'classification' | 'regression';
/**
 * What a numeric column does with cells that hold no finite number ("1e309", "Infinity"):
 * treat them as missing (imputed like other gaps), or refuse them (training waits until the file
 * is fixed).
 */
export type NonFiniteChoice = 'missing' | 'refuse';
export const NON_FINITE_CHOICES: readonly NonFiniteChoice[] = ['missing', 'refuse'];

/** A user decision about one column; anything left out keeps the inferred default. */
export interface ColumnOverride {
  kind?: ColumnKind;
  /** Include (true) or exclude (false) as a feature. */
  use?: boolean;
  impute?: ImputeStrategy;
  /** The value for the 'constant' strategy (a number, or a category name). */
  fill?: string;
  /** Cells without a finite number (default: DEFAULT_NON_FINITE, engine/data/options.ts). */
  nonFinite?: NonFiniteChoice;
}

export interface SplitFractions {
  train: number;
  validation: number;
  test: number;
}

/** Every choice of the import, with defaults in `DEFAULT_OPTIONS` (engine/data/options.ts). */
export interface DatasetOptions {
  /** Target column name; null = the last column. */
  target: string | null;
  task: 'auto' | Task;
  columns: Record<string, ColumnOverride>;
  scaling: Scaling;
  split: SplitFractions;
  shuffle: boolean;
  stratify: boolean;
  seed: number;
  /** Drop rows whose field count differs from the header (otherwise they are an error). */
  skipBadRows: boolean;
  /** Drop exact duplicate rows before splitting. */
  dropDuplicates: boolean;
  /** Trainable parameters of the current network, for the "too many parameters" check. */
  parameters: number | null;
}

export interface NumericStats {
  min: number;
  max: number;
  mean: number;
  std: number;
}

export interface HistogramBin {
  lo: number;
  hi: number;
  count: number;
}

export interface CategoryCount {
  value: string;
  count: number;
}

export interface ColumnSummary {
  name: string;
  index: number;
  /** Effective kind (after overrides). */
  kind: ColumnKind;
  inferredKind: ColumnKind;
  role: 'feature' | 'target' | 'excluded';
  /** Why a column is excluded, or a note about how it was read. */
  reason: string | null;
  missing: number;
  /**
   * Cells of a numeric column that are not numbers, or numbers without a finite value ("1e309",
   * "Infinity"); treated as missing.
   */
  invalid: number;
  distinct: number;
  impute: ImputeStrategy;
  stats: NumericStats | null;
  histogram: HistogramBin[] | null;
  top: CategoryCount[] | null;
}

export type Severity = 'error' | 'warning' | 'info';

/** One finding of the sanity gate, with an optional one-click fix (an options patch). */
export interface Finding {
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  fix: { label: string; patch: Partial<DatasetOptions> } | null;
}

export interface SkippedRow {
  line: number;
  fields: number;
}

export interface FileSummary {
  name: string;
  size: number;
  encoding: 'utf-8' | 'latin-1';
  delimiter: string;
  decimalComma: boolean;
  hasHeader: boolean;
  rows: number;
  columns: number;
  emptyLines: number;
  badRows: SkippedRow[];
  badRowCount: number;
  /** Notes about how the file was read (Latin-1 fallback, generated column names, ...). */
  notes: string[];
}

export interface SplitSummary {
  train: number;
  validation: number;
  test: number;
  stratified: boolean;
  shuffled: boolean;
  seed: number;
  /** The test split comes from a separate file (its rows are not counted in `train`/`validation`). */
  testFile: { name: string; rows: number; leftOut: number } | null;
  /** Per split, rows per class (classification only), in class order. */
  classCounts: { train: number[]; validation: number[]; test: number[] } | null;
}

export interface TargetSummary {
  name: string;
  task: Task;
  classes: string[] | null;
  classCounts: number[] | null;
  stats: NumericStats | null;
}

export interface DatasetSummary {
  id: string;
  file: FileSummary;
  preview: { header: string[]; rows: string[][] };
  columns: ColumnSummary[];
  target: TargetSummary | null;
  /** Width of the encoded input, its column names (capped), and the scaling used. */
  encoding: { features: number; featureNames: string[]; scaling: Scaling };
  /**
   * The rows look like images: every non-target number column is a pixel of a square grid
   * (engine/data/image.ts). Null otherwise.
   */
  image: ImageInfo | null;
  /** Rows left out before splitting (missing target, 'drop' imputation, duplicates). */
  droppedRows: { missingTarget: number; missingFeature: number; duplicates: number };
  split: SplitSummary | null;
  findings: Finding[];
  /** False while a finding of severity 'error' stands: training must not start. */
  ready: boolean;
  options: DatasetOptions;
}
