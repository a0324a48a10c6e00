/**
 * Sweep specifications: one or two parameters, each over listed values or a log range, expanded
 * to variants × seeds. A parameter is a training setting (l1, l2, lr, batch, optimizer, epochs,
 * noise, mixup, fraction of the training set) or a layer's parameter named by its node id
 * (`dense_1.units`, `dropout_1.rate`, `activation_1.fn`).
 *
 *   parseSweepParam('l2=0,1e-4,1e-3')     listed values
 *   parseSweepParam('lr=log:1e-4:1e-1:4') four values evenly spaced on a log scale
 */
import { ACTIVATIONS } from '../graph/kinds/activation';

export type SweepValue = number | string;

export interface SweepParam {
  key: string;
  values: SweepValue[];
  /** Shown on a log axis (a log range, or a λ / learning rate spanning decades). */
  log: boolean;
}

export interface SweepSpec {
  params: SweepParam[];
  /** Repeats of each variant; seed k is the base seed + k, so seed 0 is the base run. */
  seeds: number;
}

export interface Variant {
  /** v1, v2, …: one per parameter combination and seed. */
  id: string;
  /** Identifies the parameter combination (the same for every seed of it). */
  group: string;
  values: Record<string, SweepValue>;
  seed: number;
  seedIndex: number;
}

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
const SETTING_KEYS = [
  'l1',
  'l2',
  'lr',
  'batch',
  'optimizer',
  'epochs',
  'noise',
  'mixup',
  'fraction',
] as const;
const LAYER_FIELDS = ['units', 'rate', 'fn'] as const;
export const MAX_VARIANTS = 256;

/** Thrown for a spec that cannot run; the message names the parameter and the value. */
export class SweepSpecError extends Error {}

type Rule = { check: (v: number) => boolean; rule: string };
const RULES: Record<string, Rule> = {
  l1: { check: (v) => v >= 0 && v <= 10, rule: 'a number from 0 to 10' },
  l2: { check: (v) => v >= 0 && v <= 10, rule: 'a number from 0 to 10' },
  lr: { check: (v) => v > 0 && v <= 10, rule: 'a number above 0, at most 10' },
  batch: {
    check: (v) => Number.isInteger(v) && v >= 1 && v <= 4096,
    rule: 'a whole number 1–4096',
  },
  epochs: { check: (v) => Number.isInteger(v) && v >= 1, rule: 'a whole number ≥ 1' },
  noise: { check: (v) => v >= 0 && v <= 10, rule: 'a σ from 0 to 10' },
  mixup: { check: (v) => v > 0 && v <= 10, rule: 'an α above 0, at most 10' },
  fraction: { check: (v) => v > 0 && v <= 1, rule: 'a fraction above 0, at most 1' },
  units: { check: (v) => Number.isInteger(v) && v >= 1, rule: 'a whole number ≥ 1' },
  rate: { check: (v) => v >= 0 && v < 1, rule: 'a rate from 0 to below 1' },
};

/** The field a key sets: the setting itself, or the part after the node id. */
export function fieldOf(key: string): string {
  const dot = key.lastIndexOf('.');
  return dot < 0 ? key : key.slice(dot + 1);
}

/** `KEY=V1,V2,…` or `KEY=log:FROM:TO:COUNT`. */
export function parseSweepParam(text: string): SweepParam {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new SweepSpecError(`a sweep parameter is KEY=VALUES, got "${text}"`);
  const key = text.slice(0, eq).trim();
  const raw = text.slice(eq + 1).trim();
  const field = fieldOf(key);
  const isLayer = key.includes('.');
  if (
    isLayer
      ? !(LAYER_FIELDS as readonly string[]).includes(field)
      : !(SETTING_KEYS as readonly string[]).includes(key)
  ) {
    throw new SweepSpecError(
      `unknown sweep parameter "${key}": use ${SETTING_KEYS.join(', ')}, or NODE.units, NODE.rate, NODE.fn`,
    );
  }
  const log = /^log:/.test(raw);
  const values = log ? logRange(key, raw) : raw.split(',').map((v) => parseValue(key, v.trim()));
  if (values.length === 0 || raw === '') throw new SweepSpecError(`${key}: no values given`);
  if (new Set(values).size !== values.length)
    throw new SweepSpecError(`${key}: a value is listed twice`);
  return { key, values, log: log || spansDecades(key, values) };
}

function parseValue(key: string, raw: string): SweepValue {
  const field = fieldOf(key);
  if (field === 'optimizer' || field === 'fn') {
    const allowed: readonly string[] = field === 'optimizer' ? OPTIMIZER_NAMES : ACTIVATIONS;
    if (!allowed.includes(raw))
      throw new SweepSpecError(`${key} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return raw;
  }
  const v = raw === '' ? NaN : Number(raw);
  const rule = RULES[field]!;
  if (!Number.isFinite(v) || !rule.check(v))
    throw new SweepSpecError(`${key} must be ${rule.rule}, got "${raw}"`);
  return v;
}

function logRange(key: string, raw: string): number[] {
  const m = /^log:([^:]+):([^:]+):(\d+)$/.exec(raw);
  const from = m ? Number(m[1]) : NaN;
  const to = m ? Number(m[2]) : NaN;
  const count = m ? Number(m[3]) : NaN;
  if (!(from > 0) || !(to > from) || !(count >= 2)) {
    throw new SweepSpecError(
      `${key}: a log range is log:FROM:TO:COUNT with 0 < FROM < TO and COUNT ≥ 2, got "${raw}"`,
    );
  }
  const integer = ['batch', 'epochs', 'units'].includes(fieldOf(key));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = Math.exp(Math.log(from) + ((Math.log(to) - Math.log(from)) * i) / (count - 1));
    // Rounded to 3 significant digits so the values read as typed (1e-3, not 0.0009999…).
    out.push(integer ? Math.round(v) : Number(v.toPrecision(3)));
  }
  for (const v of out) parseValue(key, String(v));
  return [...new Set(out)];
}

/** λ and learning rates spanning a factor of 100 or more read better on a log axis. */
function spansDecades(key: string, values: SweepValue[]): boolean {
  if (!['l1', 'l2', 'lr'].includes(key)) return false;
  const pos = values.filter((v): v is number => typeof v === 'number' && v > 0);
  return pos.length >= 2 && Math.max(...pos) / Math.min(...pos) >= 100;
}

/** Every combination of the parameters' values, each repeated over the seeds. */
export function expandSweep(spec: SweepSpec, baseSeed: number): Variant[] {
  if (spec.params.length < 1 || spec.params.length > 2)
    throw new SweepSpecError('a sweep varies one or two parameters');
  if (spec.params.length === 2 && spec.params[0]!.key === spec.params[1]!.key)
    throw new SweepSpecError(`${spec.params[0]!.key} is given twice`);
  if (!Number.isInteger(spec.seeds) || spec.seeds < 1 || spec.seeds > 20)
    throw new SweepSpecError('the number of seeds must be a whole number from 1 to 20');
  let combos: Record<string, SweepValue>[] = [{}];
  for (const p of spec.params)
    combos = combos.flatMap((c) => p.values.map((v) => ({ ...c, [p.key]: v })));
  const total = combos.length * spec.seeds;
  if (total > MAX_VARIANTS)
    throw new SweepSpecError(`the sweep has ${total} runs; at most ${MAX_VARIANTS} are allowed`);
  const variants: Variant[] = [];
  for (const values of combos) {
    const group = groupKey(values);
    for (let k = 0; k < spec.seeds; k++) {
      variants.push({
        id: `v${variants.length + 1}`,
        group,
        values,
        seed: (baseSeed + k) % 2 ** 31,
        seedIndex: k,
      });
    }
  }
  return variants;
}

export function groupKey(values: Record<string, SweepValue>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}
