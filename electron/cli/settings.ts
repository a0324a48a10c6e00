/**
 * Training settings for a CLI run: the project's settings (or the app's defaults,
 * DEFAULT_TRAIN_SETTINGS) with the flags on top; every value a flag changed is reported.
 */
import {
  DEFAULT_TRAIN_SETTINGS,
  OPTIMIZERS,
  SCHEDULES,
  trainSettingsSchema,
  type TrainSettings,
} from '../contract/training';
import { num, oneOf, whole } from './args';
import { usage } from './errors';

type Values = Record<string, string | boolean | undefined>;

export const SETTING_FLAGS = {
  epochs: { type: 'string' },
  batch: { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  schedule: { type: 'string' },
  seed: { type: 'string' },
  l1: { type: 'string' },
  l2: { type: 'string' },
  'early-stop': { type: 'string' },
  augment: { type: 'string' },
} as const;

export interface Chosen {
  settings: TrainSettings;
  /** Settings a flag changed: name, value before, value now. */
  overridden: { setting: keyof TrainSettings; from: unknown; to: unknown }[];
  /** Where the values came from: the app's defaults or the project. */
  base: 'defaults' | 'project';
}

export function chooseSettings(v: Values, project: TrainSettings | null): Chosen {
  const base = project ?? DEFAULT_TRAIN_SETTINGS;
  const patch: Partial<TrainSettings> = {};
  const set = <K extends keyof TrainSettings>(k: K, value: TrainSettings[K] | undefined) => {
    if (value !== undefined) patch[k] = value;
  };
  set('epochs', num('epochs', v.epochs, whole, 'a whole number ≥ 1'));
  set('batchSize', num('batch', v.batch, whole, 'a whole number ≥ 1'));
  set('optimizer', oneOf('optimizer', v.optimizer, OPTIMIZERS));
  set(
    'lr',
    num('lr', v.lr, (n) => n > 0, 'a number > 0'),
  );
  set('schedule', oneOf('schedule', v.schedule, SCHEDULES));
  set(
    'seed',
    num('seed', v.seed, (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0'),
  );
  set(
    'l1',
    num('l1', v.l1, (n) => n >= 0, 'a number ≥ 0'),
  );
  set(
    'l2',
    num('l2', v.l2, (n) => n >= 0, 'a number ≥ 0'),
  );
  const patience = num('early-stop', v['early-stop'], whole, 'a whole number of epochs ≥ 1');
  if (patience !== undefined) set('earlyStopping', { patience, minDelta: 0, restoreBest: true });
  if (typeof v.augment === 'string') set('augment', parseAugment(v.augment));
  const merged = { ...base, ...patch };
  const checked = trainSettingsSchema.safeParse(merged);
  if (!checked.success) throw usage(checked.error.issues[0]!.message);
  const overridden = (Object.keys(patch) as (keyof TrainSettings)[])
    .filter((k) => JSON.stringify(base[k]) !== JSON.stringify(patch[k]))
    .map((k) => ({ setting: k, from: base[k], to: patch[k] }));
  return { settings: checked.data, overridden, base: project ? 'project' : 'defaults' };
}

/** --augment noise:SIGMA,mixup:ALPHA (either or both). */
function parseAugment(raw: string): NonNullable<TrainSettings['augment']> {
  const config: NonNullable<TrainSettings['augment']> = { noise: null, mixup: null, image: null };
  for (const item of raw.split(',')) {
    const m = /^\s*(noise|mixup):([^:]+)$/.exec(item);
    const v = m ? Number(m[2]) : NaN;
    if (!m || !Number.isFinite(v) || (m[1] === 'noise' ? v < 0 : v <= 0)) {
      throw usage(
        `--augment must be noise:SIGMA (σ ≥ 0) or mixup:ALPHA (α > 0), comma-separated, got "${raw}"`,
      );
    }
    if (m[1] === 'noise') config.noise = v;
    else config.mixup = v;
  }
  return config;
}

/** "epochs 50, batch 16, adam lr 0.01, …" for the settings line. */
export function describeSettings(s: TrainSettings): string {
  const parts = [
    `epochs ${s.epochs}`,
    `batch ${s.batchSize}`,
    `${s.optimizer} lr ${s.lr}`,
    `schedule ${s.schedule}`,
    `seed ${s.seed}`,
    `l1 ${s.l1}`,
    `l2 ${s.l2}`,
  ];
  if (s.earlyStopping) parts.push(`early stop after ${s.earlyStopping.patience} epochs`);
  if (s.augment?.noise) parts.push(`noise σ ${s.augment.noise}`);
  if (s.augment?.mixup) parts.push(`mixup α ${s.augment.mixup}`);
  return parts.join(', ');
}
