/**
 * Divergence and instability, judged on the per-epoch training loss E_tr(t):
 * - divergence: a NaN/∞ training or validation loss, or E_tr(t) > climbFactor · S for
 *   `climbEpochs` epochs in a row — the loss went, and stayed, far above where training started.
 *   S is the untrained network's loss (the first batch's, before any update, floored at the
 *   baseline loss) when the trainer reports it, else E_tr(1); not E_tr(1) alone, because a rate
 *   large enough to explode within the first epoch would make that reference explode too.
 *   The trainer stops on it (DivergenceGuard). The episode ends when the loss is back below.
 * - instability: otherwise, E_tr(t) > spikeFactor · min E_tr before t while E_tr(t) ≤
 *   climbFactor · S (above that it counts towards a divergence) — a jump from a low loss
 *   (often from a near-zero one, where one large Adam step throws the weights off the minimum).
 *   Only a note: training goes on. The episode ends when the loss is back below that level.
 * `explains` tells the monitor a curve is off its course, so over- and underfitting are not
 * judged on it.
 */
import { divergenceRemedies, instabilityRemedies } from './remedies';
import type { Alert } from './types';
import { ev, fmt } from './format';

export interface DivergenceObservation {
  epoch: number;
  trainLoss: number;
  valLoss: number | null;
  lr: number;
  /** The loss before any update (the first batch's), when known. */
  startLoss?: number;
}

export class DivergenceAlerts {
  private first = NaN;
  private minTrain = Infinity;
  private above = 0;
  private diverging = false;
  private unstable = false;

  constructor(
    private readonly baseline: number | null,
    private readonly climbFactor: number,
    private readonly climbEpochs: number,
    private readonly spikeFactor: number,
  ) {}

  /** Epochs in a row (up to this one) whose training loss was above climbFactor · S. */
  get climbing(): number {
    return this.above;
  }

  /** Whether this epoch is part of a divergence or instability episode, or climbing above the start. */
  get explains(): boolean {
    return this.diverging || this.unstable || this.above > 0;
  }

  /** Judges one epoch; `bestEpoch` is the best validation epoch before it (for the remedies). */
  check(o: DivergenceObservation, bestEpoch: number): Alert | null {
    const t = o.trainLoss;
    if (Number.isNaN(this.first)) {
      const start = o.startLoss ?? t;
      this.first = o.startLoss === undefined ? t : Math.max(start, this.baseline ?? 0);
    }
    const nonFinite = !Number.isFinite(t) || (o.valLoss !== null && !Number.isFinite(o.valLoss));
    this.above = Number.isFinite(t) && t > this.climbFactor * this.first ? this.above + 1 : 0;
    const lowest = this.minTrain;
    if (Number.isFinite(t) && t < this.minTrain) this.minTrain = t;
    if (nonFinite || this.above >= this.climbEpochs) {
      this.unstable = false;
      if (this.diverging) return null;
      this.diverging = true;
      return this.divergence(o, nonFinite, bestEpoch);
    }
    this.diverging = false;
    if (!(t > this.spikeFactor * lowest) || this.above > 0) {
      this.unstable = false;
      return null;
    }
    if (this.unstable) return null;
    this.unstable = true;
    return this.instability(o, lowest, bestEpoch);
  }

  /** Marks a divergence met inside an epoch (a NaN/∞ batch) as open. */
  open(): void {
    this.diverging = true;
  }

  private divergence(o: DivergenceObservation, nonFinite: boolean, bestEpoch: number): Alert {
    const t = o.trainLoss;
    const what = nonFinite
      ? Number.isFinite(t)
        ? `the validation loss became ${o.valLoss}`
        : `the training loss became ${t}`
      : `the training loss has stayed above ${fmt(this.climbFactor)} times its value where training started ` +
        `(${fmt(this.first)}) for ${this.above} epochs, now ${fmt(t)} (${fmt(t / this.first)} times)`;
    return {
      kind: 'divergence',
      epoch: o.epoch,
      message:
        `Divergence: ${what}. The learning rate ${fmt(o.lr)} makes steps so large that gradient descent ` +
        `overshoots the minimum and the loss explodes. Stop, keep the last good weights and lower the learning rate.`,
      evidence: {
        trainLoss: ev(t),
        minTrainLoss: ev(this.minTrain),
        startLoss: ev(this.first),
        epochsAbove: this.above,
        valLoss: o.valLoss === null ? null : ev(o.valLoss),
        lr: ev(o.lr),
        bestEpoch,
      },
      remedies: divergenceRemedies(o.lr, bestEpoch),
    };
  }

  private instability(o: DivergenceObservation, lowest: number, bestEpoch: number): Alert {
    const t = o.trainLoss;
    const start =
      t <= this.first
        ? `still below its value where training started (${fmt(this.first)})`
        : `${fmt(t / this.first)} times its value where training started (${fmt(this.first)}), but not for ${this.climbEpochs} epochs in a row`;
    return {
      kind: 'instability',
      epoch: o.epoch,
      message:
        `Instability: the training loss jumped to ${fmt(t)}, ${fmt(t / lowest)} times its lowest value ` +
        `${fmt(lowest)}, ${start}, so this is not divergence: a step of the learning rate ${fmt(o.lr)} threw ` +
        `the weights off a sharp minimum. Training goes on; if it keeps happening, lower the learning rate or clip the gradient norm.`,
      evidence: {
        trainLoss: ev(t),
        minTrainLoss: ev(lowest),
        startLoss: ev(this.first),
        jump: ev(t / lowest),
        lr: ev(o.lr),
        bestEpoch,
      },
      remedies: instabilityRemedies(o.lr),
    };
  }
}
