/** Numbers derived from a finished run for display: per-class scores and settings differences. */
import type { TrainSettings } from '../../../electron/contract/training';

export interface ClassScore {
  precision: number | null;
  recall: number | null;
  f1: number | null;
  support: number;
}

/** Precision, recall and F1 per class from counts[actual][predicted]; null where undefined (0/0). */
export function classScores(confusion: readonly (readonly number[])[]): ClassScore[] {
  return confusion.map((row, k) => {
    const tp = row[k] ?? 0;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = confusion.reduce((a, r) => a + (r[k] ?? 0), 0);
    const precision = predicted ? tp / predicted : null;
    const recall = support ? tp / support : null;
    const f1 =
      precision !== null && recall !== null && precision + recall > 0
        ? (2 * precision * recall) / (precision + recall)
        : precision === 0 || recall === 0
          ? 0
          : null;
    return { precision, recall, f1, support };
  });
}

const LABELS: Record<keyof TrainSettings, string> = {
  epochs: 'epochs',
  batchSize: 'batch size',
  optimizer: 'optimizer',
  lr: 'learning rate',
  schedule: 'schedule',
  l1: 'L1 λ',
  l2: 'L2 λ',
  seed: 'seed',
  augment: 'augmentation',
  earlyStopping: 'early stopping',
};

const augmentText = (a: NonNullable<TrainSettings['augment']>) =>
  [
    a.noise !== null ? `noise σ ${a.noise}` : '',
    a.mixup !== null ? `mixup α ${a.mixup}` : '',
    a.image ? `image ${a.image.width}×${a.image.height}` : '',
  ]
    .filter(Boolean)
    .join(', ') || 'off';

const show = (v: unknown): string =>
  v !== null && typeof v === 'object' && 'mixup' in v
    ? augmentText(v as NonNullable<TrainSettings['augment']>)
    : v === null
      ? 'off'
      : typeof v === 'object'
        ? `patience ${(v as { patience: number }).patience}`
        : String(v);

/** "lr 0.01 → 0.001" lines for the settings that differ between two runs. */
export function settingsDiff(a: TrainSettings, b: TrainSettings): string[] {
  return (Object.keys(LABELS) as (keyof TrainSettings)[])
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${LABELS[k]} ${show(a[k])} → ${show(b[k])}`);
}

/** One row of the full settings table: a setting's value in each run, and whether they differ. */
export interface SettingRow {
  label: string;
  a: string;
  b: string;
  differs: boolean;
}

/** Every setting of two runs side by side (a side without settings shows "–"). */
export function settingsTable(a: TrainSettings | null, b: TrainSettings | null): SettingRow[] {
  return (Object.keys(LABELS) as (keyof TrainSettings)[]).map((k) => {
    const x = a ? show(a[k]) : '–';
    const y = b ? show(b[k]) : '–';
    return {
      label: LABELS[k],
      a: x,
      b: y,
      differs: !!a && !!b && JSON.stringify(a[k]) !== JSON.stringify(b[k]),
    };
  });
}
