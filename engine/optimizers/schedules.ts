/**
 * Learning-rate schedules, as a function of the 0-based epoch e and the base rate η0:
 * - constant:     η = η0
 * - step:         η = η0 · γ^⌊e / every⌋
 * - exponential:  η = η0 · γ^e
 * - cosine:       η = ηmin + ½(η0 − ηmin)(1 + cos(π · min(e, E) / E)) over E epochs
 */
export type ScheduleConfig =
  | { kind: 'constant' }
  | { kind: 'step'; every: number; gamma: number }
  | { kind: 'exponential'; gamma: number }
  | { kind: 'cosine'; epochs: number; minLr?: number };

/** Checks a schedule config, throwing a RangeError that quotes the bad value. */
export function checkSchedule(s: ScheduleConfig): void {
  const bad = (what: string, v: unknown): never => {
    throw new RangeError(`${s.kind} schedule: ${what}, got ${String(v)}`);
  };
  switch (s.kind) {
    case 'constant':
      return;
    case 'step':
      if (!(Number.isInteger(s.every) && s.every >= 1))
        bad('every must be a whole number of epochs ≥ 1', s.every);
      if (!(s.gamma > 0 && s.gamma <= 1)) bad('gamma must be in (0, 1]', s.gamma);
      return;
    case 'exponential':
      if (!(s.gamma > 0 && s.gamma <= 1)) bad('gamma must be in (0, 1]', s.gamma);
      return;
    case 'cosine':
      if (!(Number.isInteger(s.epochs) && s.epochs >= 1))
        bad('epochs must be a whole number ≥ 1', s.epochs);
      if (s.minLr !== undefined && !(s.minLr >= 0 && Number.isFinite(s.minLr)))
        bad('minLr must be ≥ 0', s.minLr);
      return;
    default:
      throw new RangeError(`unknown schedule ${JSON.stringify((s as { kind: unknown }).kind)}`);
  }
}

/** The learning rate for 0-based epoch `epoch`. */
export function scheduledLr(s: ScheduleConfig, baseLr: number, epoch: number): number {
  switch (s.kind) {
    case 'constant':
      return baseLr;
    case 'step':
      return baseLr * Math.pow(s.gamma, Math.floor(epoch / s.every));
    case 'exponential':
      return baseLr * Math.pow(s.gamma, epoch);
    case 'cosine': {
      const min = s.minLr ?? 0;
      const e = Math.min(epoch, s.epochs);
      return min + 0.5 * (baseLr - min) * (1 + Math.cos((Math.PI * e) / s.epochs));
    }
  }
}
