/**
 * The preprocessing a project trains with, as plain JSON that travels with every export: feature
 * order and names, imputation values, one-hot categories, scaling, the regression target's
 * scaling and the class names. `encodeRaw` applies it to a raw CSV row exactly as the dataset's
 * encoder does (engine/data/predict.ts), so the side-file formats can be checked against it.
 */
import { MISSING_TOKENS } from '../data/csv/cells';
import type { Encoder } from '../data/encode';
import { canonical, encodeRecord, type RawRecord } from '../data/predict';
import type { ColumnKind } from '../data/types';

export interface ExportFeature {
  name: string;
  kind: ColumnKind;
  /** The value a missing cell takes: a number, or a category. */
  fill: number | string;
  /** Categorical: the training categories, one encoded column each (unseen: all zeros). */
  categories: string[] | null;
  /** Numeric: encoded = (value − center) / scale. */
  center: number;
  scale: number;
}

export interface Preprocessing {
  format: 'layerlab-preprocessing';
  version: 1;
  /** Cells meaning "no value" (after trimming, compared case-insensitively). */
  missingTokens: string[];
  /** Numbers in the CSV use a decimal comma ("1,5"). */
  decimalComma: boolean;
  features: ExportFeature[];
  /** The encoded columns, in order (a category column is "name=category"). */
  encodedNames: string[];
  width: number;
  target:
    | { name: string; task: 'classification'; classes: string[] }
    | { name: string; task: 'regression'; mean: number; std: number };
}

export function preprocessingOf(enc: Encoder, decimalComma: boolean): Preprocessing {
  const t = enc.target;
  return {
    format: 'layerlab-preprocessing',
    version: 1,
    missingTokens: [...MISSING_TOKENS],
    decimalComma,
    features: enc.features.map((f) => ({
      name: f.name,
      kind: f.kind,
      fill: f.fill,
      categories: f.categories ? [...f.categories] : null,
      center: f.center,
      scale: f.scale,
    })),
    encodedNames: [...enc.featureNames],
    width: enc.width,
    target:
      t.task === 'classification'
        ? { name: t.col.name, task: t.task, classes: [...t.classes] }
        : { name: t.col.name, task: t.task, mean: t.mean, std: t.std },
  };
}

/** The encoder's view of a preprocessing description (what encodeRecord needs). */
function asEncoder(pre: Preprocessing): Encoder {
  const features = pre.features.map((f) => ({
    ...f,
    index: f.categories ? new Map(f.categories.map((c, i) => [c, i])) : null,
  }));
  return { features, width: pre.width } as unknown as Encoder;
}

/** One raw row (cells by column name, as in the CSV file) → the network's input. */
export function encodeRaw(pre: Preprocessing, record: RawRecord): Float32Array {
  return encodeRecord(asEncoder(pre), record, pre.decimalComma);
}

/** A category cell as the encoder looks it up (trimmed, numbers in their shortest form). */
export function categoryKey(cell: string, decimalComma: boolean): string {
  return canonical(cell.trim(), decimalComma);
}
