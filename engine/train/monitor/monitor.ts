/**
 * TrainingMonitor: watches the per-epoch losses (and the validation activation statistics) and
 * raises alerts, each at most once per episode.
 *
 * Causes are judged in order: dead or saturated units, then divergence and instability, then over-
 * and underfitting, which are not raised while an earlier cause explains the curves (their
 * statistics still advance, so they resume when it is gone).
 *
 * Overfitting — the sign: the training loss keeps falling ever more slowly while the
 * validation loss stops falling and starts to rise. Prechelt's criteria are computed on the
 * validation loss smoothed over the strip (moving average of k = 5 epochs, S(t)), so single noisy
 * epochs do not count: GL_s(t) = 100 · (S(t) / min S − 1) and PQ_s(t) = GL_s(t) / P_k(t).
 * At epoch t > warmup it fires when
 *   1. GL_s(t) > glThreshold (GL_α, default α = 5 %) or PQ_s(t) > pqThreshold (default 0.5),
 *      for `persistence` epochs in a row;
 *   2. the rise is a trend, not noise, for `persistence` epochs in a row: over the epochs after
 *      the best (raw) epoch, at least minTrendEpochs and at most 2k of them, the least-squares
 *      slope of E_va is > 0 with a t statistic ≥ trendT, and S(t) − min S > 2 · σ̂ · √(2/k),
 *      σ̂ the validation loss's epoch-to-epoch noise over 4k epochs (see noiseLevel) — so a
 *      noisy-but-improving curve does not cry wolf;
 *   3. the training loss is not rising (slope over k epochs ≤ 1 % of E_tr(t) per epoch).
 * Evidence reports Prechelt's raw GL(t) and PQ_k(t) too. The episode ends when S reaches a new
 * minimum.
 *
 * Underfitting — both losses high and flat: after `underfitWindow` epochs, both losses are at
 * least `underfitHigh` × the baseline (the loss of predicting the targets' averages, or else the
 * first epoch's loss) and changed by less than `underfitFlat` (relative, either way: a rising loss
 * is not underfitting) over the window. The episode ends when the training loss falls 5 % below
 * its level at the alert.
 *
 * Divergence: a NaN/∞ loss, or E_tr(t) > climbFactor · (the loss where training started, see
 * EpochObservation.startLoss) for climbEpochs epochs in a row;
 * instability: a jump above spikeFactor · min E_tr that is no divergence (see divergence.ts).
 * Dead units / saturation: an activation layer whose dead (ReLU) or saturated (sigmoid/tanh)
 * share of units is ≥ the threshold for `persistence` epochs in a row; the episode ends when every
 * layer is below half of it. Vanishing / exploding gradients: a layer's RMS gradient against the
 * output layer's beyond `gradientRatio`, for `persistence` epochs (see gradient-alerts.ts).
 */
import {
  generalizationLoss,
  movingAverage,
  noiseLevel,
  progressQuotient,
  slope,
  trainingProgress,
  trend,
} from './criteria';
import type { ModelFacts } from './model-facts';
import { DivergenceAlerts } from './divergence';
import { divergenceRemedies, overfittingRemedies, underfittingRemedies } from './remedies';
import { GradientAlerts } from './gradient-alerts';
import { UnitAlerts } from './unit-alerts';
import type { ActivationLayerStats, Alert, AlertKind, LayerDiagnostics } from './types';
import { ev, fmt, pct } from './format';

export interface MonitorOptions {
  /** Prechelt's strip length k (default 5). */
  stripLength?: number;
  /** No overfitting / underfitting alert up to this epoch (default 5). */
  warmup?: number;
  /** GL threshold α in percent (default 5). */
  glThreshold?: number;
  /** PQ threshold (default 0.5). */
  pqThreshold?: number;
  /** Epochs in a row the GL or PQ criterion must hold (default 3). */
  persistence?: number;
  /** The validation loss must rise with a t statistic ≥ trendT (default 3) … */
  trendT?: number;
  /** … over at least this many epochs after the best one (default 4). */
  minTrendEpochs?: number;
  /** Underfitting: window in epochs (default 10), relative fall below which a loss is flat (0.01), and the share of the baseline above which it is high (0.5). */
  underfitWindow?: number;
  underfitFlat?: number;
  underfitHigh?: number;
  /** Loss of a model that learnt nothing (see baselineLoss); null = use the first epoch's losses. */
  baselineLoss?: number | null;
  /** Divergence when the training loss stays above this multiple of its start (default 4) … */
  climbFactor?: number;
  /** … for this many epochs in a row (default 2). */
  climbEpochs?: number;
  /** Instability when the training loss jumps above this multiple of its lowest (default 10). */
  spikeFactor?: number;
  /** Share of dead ReLU units in a layer that raises dead_units (default 0.5). */
  deadShare?: number;
  /** Share of saturated sigmoid/tanh units in a layer that raises saturation (default 0.5). */
  saturatedShare?: number;
  /** RMS-gradient ratio of a layer to the output layer beyond which gradients vanish / explode (default 100). */
  gradientRatio?: number;
}

export interface EpochObservation {
  epoch: number;
  /** Training loss of the epoch (penalty included, as in EpochEvent.train.loss). */
  trainLoss: number;
  valLoss: number | null;
  /** Learning rate used in the epoch. */
  lr: number;
  activations?: readonly ActivationLayerStats[];
  /** Per-layer diagnostics of the epoch (vanishing / exploding gradients). */
  layers?: readonly LayerDiagnostics[];
  /**
   * The untrained network's loss on the first batch, before any update (the trainer reports it):
   * where training started, for the divergence rule. Without it, the first epoch's loss.
   */
  startLoss?: number;
}

type Resolved = Required<Omit<MonitorOptions, 'baselineLoss'>> & { baselineLoss: number | null };

const DEFAULTS: Resolved = {
  stripLength: 5,
  warmup: 5,
  glThreshold: 5,
  pqThreshold: 0.5,
  persistence: 3,
  trendT: 3,
  minTrendEpochs: 4,
  underfitWindow: 10,
  underfitFlat: 0.01,
  underfitHigh: 0.5,
  baselineLoss: null,
  climbFactor: 4,
  climbEpochs: 2,
  spikeFactor: 10,
  deadShare: 0.5,
  saturatedShare: 0.5,
  gradientRatio: 100,
};

function checkOptions(o: Resolved): void {
  const bad = (name: string, v: unknown, rule: string): never => {
    throw new RangeError(`monitor ${name} must be ${rule}, got ${String(v)}`);
  };
  const whole = (v: number) => Number.isInteger(v) && v >= 1;
  if (!(whole(o.stripLength) && o.stripLength >= 2))
    bad('stripLength', o.stripLength, 'a whole number ≥ 2');
  if (!(Number.isInteger(o.warmup) && o.warmup >= 0)) bad('warmup', o.warmup, 'a whole number ≥ 0');
  if (!whole(o.persistence)) bad('persistence', o.persistence, 'a whole number ≥ 1');
  if (!(whole(o.underfitWindow) && o.underfitWindow >= 2))
    bad('underfitWindow', o.underfitWindow, 'a whole number ≥ 2');
  if (!(Number.isInteger(o.minTrendEpochs) && o.minTrendEpochs >= 3))
    bad('minTrendEpochs', o.minTrendEpochs, 'a whole number ≥ 3');
  for (const k of ['glThreshold', 'pqThreshold', 'trendT', 'underfitFlat'] as const)
    if (!(o[k] >= 0 && Number.isFinite(o[k]))) bad(k, o[k], 'a number ≥ 0');
  if (!(o.underfitHigh > 0 && Number.isFinite(o.underfitHigh)))
    bad('underfitHigh', o.underfitHigh, 'a number > 0');
  for (const k of ['climbFactor', 'spikeFactor'] as const)
    if (!(o[k] > 1 && Number.isFinite(o[k]))) bad(k, o[k], 'a number > 1');
  if (!whole(o.climbEpochs)) bad('climbEpochs', o.climbEpochs, 'a whole number ≥ 1');
  for (const k of ['deadShare', 'saturatedShare'] as const)
    if (!(o[k] > 0 && o[k] <= 1)) bad(k, o[k], 'in (0, 1]');
  if (!(o.gradientRatio > 1 && Number.isFinite(o.gradientRatio)))
    bad('gradientRatio', o.gradientRatio, 'a number > 1');
  if (o.baselineLoss !== null && !(o.baselineLoss > 0 && Number.isFinite(o.baselineLoss)))
    bad('baselineLoss', o.baselineLoss, 'a number > 0 or null');
}

export class TrainingMonitor {
  readonly options: Readonly<Resolved>;
  private readonly train: number[] = [];
  private readonly val: number[] = [];
  private best = Infinity;
  private bestAt = 0;
  private bestSmooth = Infinity;
  private glRun = 0;
  private trendRun = 0;
  private pqRun = 0;
  private readonly open = new Set<AlertKind>();
  private underfitLevel = Infinity;
  private readonly raised: Alert[] = [];
  private readonly units: UnitAlerts;
  private readonly divergence: DivergenceAlerts;
  private readonly gradients: GradientAlerts;

  constructor(
    options: MonitorOptions = {},
    private readonly facts: ModelFacts | null = null,
  ) {
    const o: Resolved = { ...DEFAULTS };
    for (const [k, v] of Object.entries(options))
      if (v !== undefined) (o as Record<string, unknown>)[k] = v;
    checkOptions(o);
    this.options = o;
    this.units = new UnitAlerts(o.deadShare, o.saturatedShare, o.persistence);
    this.gradients = new GradientAlerts(o.gradientRatio, o.persistence);
    this.divergence = new DivergenceAlerts(
      o.baselineLoss,
      o.climbFactor,
      o.climbEpochs,
      o.spikeFactor,
    );
  }

  /** Epoch (from 1) of the lowest validation loss so far (0 before any). */
  get bestEpoch(): number {
    return this.bestAt;
  }

  get bestValLoss(): number {
    return this.best;
  }

  /**
   * Epochs in a row, up to the last one observed, whose training loss was far above where
   * training started (0 when the last was not): the divergence rule's count.
   */
  get climbing(): number {
    return this.divergence.climbing;
  }

  /** Every alert raised so far, in order. */
  get alerts(): readonly Alert[] {
    return this.raised;
  }

  /** Feeds one epoch; returns the alerts it raises (usually none), earlier causes first. */
  observe(o: EpochObservation): Alert[] {
    const out: Alert[] = [];
    this.train.push(o.trainLoss);
    if (o.valLoss !== null) this.val.push(o.valLoss);
    if (o.activations) out.push(...this.units.check(o.epoch, o.lr, o.activations));
    if (o.layers) out.push(...this.gradients.check(o.epoch, o.lr, o.layers));
    const course = this.divergence.check(o, this.bestAt);
    if (course) out.push(course);
    const explained = this.units.explains || this.gradients.explains || this.divergence.explains;
    if (o.valLoss !== null && Number.isFinite(o.valLoss)) {
      const overfit = this.checkOverfitting(o, explained);
      if (overfit) out.push(overfit);
    }
    if (Number.isFinite(o.trainLoss)) {
      const underfit = this.checkUnderfitting(o, explained);
      if (underfit) out.push(underfit);
    }
    this.raised.push(...out);
    return out;
  }

  /** The alert for a NaN/∞ loss or gradient met inside an epoch (the trainer stops there). */
  diverged(epoch: number, batch: number, what: string, lr: number): Alert {
    const alert: Alert = {
      kind: 'divergence',
      epoch,
      message:
        `Divergence: in epoch ${epoch}, batch ${batch}, ${what}. The steps were too large, so the ` +
        `weights shot away from the minimum instead of descending into it. Training stops with the last good weights; ` +
        `lower the learning rate.`,
      evidence: { batch, lr: ev(lr), bestEpoch: this.bestAt },
      remedies: divergenceRemedies(lr, this.bestAt),
    };
    this.divergence.open();
    this.raised.push(alert);
    return alert;
  }

  private checkOverfitting(o: EpochObservation, explained: boolean): Alert | null {
    const opt = this.options;
    const k = opt.stripLength;
    const v = o.valLoss!;
    const i = this.val.length - 1;
    if (v < this.best) {
      this.best = v;
      this.bestAt = o.epoch;
    }
    const smooth = movingAverage(this.val, i, k);
    if (i >= k - 1 && smooth < this.bestSmooth) {
      this.bestSmooth = smooth;
      this.open.delete('overfitting');
    }
    const ti = this.train.length - 1;
    const gl = generalizationLoss(v, this.best);
    const glSmooth = generalizationLoss(smooth, this.bestSmooth);
    const progress = trainingProgress(this.train, ti, k);
    const pq = progressQuotient(gl, progress);
    const pqSmooth = progressQuotient(glSmooth, progress);
    this.glRun = glSmooth > opt.glThreshold ? this.glRun + 1 : 0;
    this.pqRun = pqSmooth > opt.pqThreshold ? this.pqRun + 1 : 0;
    // The rise must be a trend, not noise: the epochs after the best one rise significantly …
    const since = o.epoch - this.bestAt;
    const window = Math.min(since, 2 * k);
    const rise = window >= 3 ? trend(this.val, i - window + 1, i) : { slope: NaN, t: NaN };
    // … and the smoothed loss is above its best by more than two standard errors of the
    // difference of two k-epoch means (σ̂ · √(2/k)).
    const noise = noiseLevel(this.val, i, 4 * k);
    const significant =
      window >= opt.minTrendEpochs &&
      rise.slope > 0 &&
      rise.t >= opt.trendT &&
      smooth - this.bestSmooth > 2 * noise * Math.sqrt(2 / k);
    this.trendRun = significant ? this.trendRun + 1 : 0;
    if (o.epoch <= opt.warmup || this.open.has('overfitting') || explained) return null;
    if (this.glRun < opt.persistence && this.pqRun < opt.persistence) return null;
    if (this.trendRun < opt.persistence) return null;
    const trainSlope = slope(this.train, ti, k);
    const trainLoss = this.train[ti]!;
    if (trainSlope > 0.01 * trainLoss) return null;
    const earlierSlope = ti - k >= 1 ? slope(this.train, ti - k, k) : NaN;
    this.open.add('overfitting');
    // The wording follows the slopes' signs, so it never contradicts the numbers it quotes.
    const shrinking =
      trainSlope > 0
        ? `stays flat (${fmt(trainSlope)} per epoch, under 1 % of its level)`
        : earlierSlope < 0 && trainSlope > earlierSlope
          ? `still falls, ever more slowly (${fmt(trainSlope)} per epoch now, ${fmt(earlierSlope)} ${k} epochs earlier)`
          : `still falls (${fmt(trainSlope)} per epoch)`;
    return {
      kind: 'overfitting',
      epoch: o.epoch,
      message:
        `Overfitting: the training loss ${shrinking}, while the validation loss has risen for ${since} ` +
        `epoch${since === 1 ? '' : 's'} to ${fmt(v)}, ${pct(gl)} above its best ${fmt(this.best)} at epoch ${this.bestAt} ` +
        `(generalization loss GL = ${gl.toFixed(1)}, progress quotient PQ = ${fmt(pq)}). The network is memorising ` +
        `the training rows, noise included, instead of learning what generalizes. Stop and restore epoch ${this.bestAt}, ` +
        `or reduce the capacity: dropout, a larger L2 λ, fewer units.`,
      evidence: {
        bestEpoch: this.bestAt,
        bestValLoss: ev(this.best),
        valLoss: ev(v),
        trainLoss: ev(trainLoss),
        gl: ev(gl),
        pq: ev(pq),
        progress: ev(progress),
        glSmoothed: ev(glSmooth),
        valSlope: ev(rise.slope),
        valSlopeT: ev(rise.t),
        trainSlope: ev(trainSlope),
        trainSlopeEarlier: ev(earlierSlope),
        epochsSinceBest: since,
        noise: ev(noise),
      },
      remedies: overfittingRemedies(this.bestAt, this.facts),
    };
  }

  private checkUnderfitting(o: EpochObservation, explained: boolean): Alert | null {
    const opt = this.options;
    const w = opt.underfitWindow;
    const ti = this.train.length - 1;
    const t = this.train[ti]!;
    if (this.open.has('underfitting')) {
      if (t < 0.95 * this.underfitLevel) this.open.delete('underfitting');
      return null;
    }
    if (o.epoch <= Math.max(opt.warmup, w) || ti < w - 1 || explained) return null;
    const base = opt.baselineLoss;
    const fall = (h: number[], end: number) =>
      (h[end - w + 1]! - h[end]!) / Math.abs(h[end - w + 1]!);
    const trainFall = fall(this.train, ti);
    const trainHigh = t / (base ?? this.train[0]!);
    let valFall = NaN;
    let valHigh = NaN;
    if (o.valLoss !== null) {
      const vi = this.val.length - 1;
      if (vi < w - 1) return null;
      valFall = fall(this.val, vi);
      valHigh = o.valLoss / (base ?? this.val[0]!);
    }
    // Flat either way: a loss that rises is off its course (divergence), not too simple a model.
    const flat = (f: number) => Math.abs(f) < opt.underfitFlat;
    const change = (f: number) => (f >= 0 ? `fell only ${pct(100 * f)}` : `rose ${pct(-100 * f)}`);
    const high = (h: number) => h >= opt.underfitHigh;
    if (!(flat(trainFall) && high(trainHigh))) return null;
    if (o.valLoss !== null && !(flat(valFall) && high(valHigh))) return null;
    this.open.add('underfitting');
    this.underfitLevel = t;
    const against =
      base === null ? 'its first-epoch value' : 'the loss of just predicting the average target';
    return {
      kind: 'underfitting',
      epoch: o.epoch,
      message:
        `Underfitting: over the last ${w} epochs the training loss ${change(trainFall)}` +
        (o.valLoss === null ? '' : ` and the validation loss ${change(valFall)}`) +
        `, and both stay high (${pct(100 * trainHigh)} of ${against}). The model is too simple, too ` +
        `regularised or too slow to learn the pattern: add units or layers, lower L2 λ, or train longer with a suitable learning rate.`,
      evidence: {
        trainLoss: ev(t),
        valLoss: o.valLoss === null ? null : ev(o.valLoss),
        trainFall: ev(trainFall),
        valFall: ev(valFall),
        trainVsBaseline: ev(trainHigh),
        valVsBaseline: ev(valHigh),
        baselineLoss: base === null ? null : ev(base),
        window: w,
      },
      remedies: underfittingRemedies(this.facts),
    };
  }
}
