/**
 * Vanishing and exploding gradients from the per-layer diagnostics. The gradient of each Dense
 * layer is compared with the output layer's as a ratio of RMS gradients (‖g‖ / √n, so layer
 * sizes do not matter): r = rms(layer) / rms(last Dense).
 * - vanishing: some earlier layer has r ≤ 1 / ratio (the signal dies on its way back);
 * - exploding: some earlier layer has r ≥ ratio (it grows on its way back), or any gradient
 *   is non-finite;
 * for `persistence` epochs in a row. The episode ends when every r is back within √ratio.
 * The alert names the worst layer by its canvas node id.
 */
import { ev, fmt } from './format';
import type { Alert, LayerDiagnostics, Remedy } from './types';

type GradKind = 'vanishing_gradient' | 'exploding_gradient';

const round = (v: number): number => Number(v.toPrecision(2));

const nameOf = (l: LayerDiagnostics): string =>
  l.nodeId !== null ? `"${l.nodeId}"` : `layer ${l.layer + 1}`;

export class GradientAlerts {
  private readonly runs: Record<GradKind, number> = {
    vanishing_gradient: 0,
    exploding_gradient: 0,
  };
  private readonly open = new Set<GradKind>();

  constructor(
    private readonly ratio: number,
    private readonly persistence: number,
  ) {}

  /** Whether an episode is open: the gradients, not the data, then shape the curves. */
  get explains(): boolean {
    return this.open.size > 0;
  }

  check(epoch: number, lr: number, layers: readonly LayerDiagnostics[]): Alert[] {
    if (layers.length < 2) return [];
    const last = layers[layers.length - 1]!;
    const ratios = layers.slice(0, -1).map((l) => l.gradRms / last.gradRms);
    const finite = ratios.every((r) => Number.isFinite(r)) && last.gradRms > 0;
    const min = finite ? Math.min(...ratios) : NaN;
    const max = finite ? Math.max(...ratios) : NaN;
    const out: Alert[] = [];
    const hits: Record<GradKind, boolean> = {
      vanishing_gradient: finite && min <= 1 / this.ratio,
      exploding_gradient: !finite || max >= this.ratio,
    };
    const calm = finite && min >= 1 / Math.sqrt(this.ratio) && max <= Math.sqrt(this.ratio);
    for (const kind of ['vanishing_gradient', 'exploding_gradient'] as const) {
      if (this.open.has(kind)) {
        if (calm) this.open.delete(kind);
        continue;
      }
      this.runs[kind] = hits[kind] ? this.runs[kind] + 1 : 0;
      if (this.runs[kind] < this.persistence) continue;
      this.open.add(kind);
      const i = kind === 'vanishing_gradient' ? ratios.indexOf(min) : ratios.indexOf(max);
      const worst = layers[Math.max(0, i)]!;
      out.push(this.alert(kind, epoch, lr, worst, last, finite ? ratios[Math.max(0, i)]! : NaN));
    }
    return out;
  }

  private alert(
    kind: GradKind,
    epoch: number,
    lr: number,
    worst: LayerDiagnostics,
    last: LayerDiagnostics,
    r: number,
  ): Alert {
    const epochs = this.runs[kind];
    const vanishing = kind === 'vanishing_gradient';
    const message = vanishing
      ? `Vanishing gradient: for ${epochs} epochs the gradient reaching ${nameOf(worst)} has been ` +
        `${fmt(1 / r)} times smaller (RMS ${fmt(worst.gradRms)}) than at the output layer ${nameOf(last)} ` +
        `(RMS ${fmt(last.gradRms)}). Each ${worst.fn === 'linear' ? '' : `${worst.fn} `}layer multiplies the ` +
        `gradient by its derivative on the way back; where that is mostly below 1 (sigmoid, tanh on ` +
        `their flat tails, a too small initialisation) the early layers stop learning. Use ReLU, ` +
        `He initialisation for ReLU layers (Glorot for tanh), or fewer layers.`
      : `Exploding gradient: for ${epochs} epochs the gradient reaching ${nameOf(worst)} has been ` +
        `${Number.isFinite(r) ? `${fmt(r)} times larger (RMS ${fmt(worst.gradRms)})` : 'non-finite'} ` +
        `than at the output layer ${nameOf(last)} (RMS ${fmt(last.gradRms)}). The gradient grows ` +
        `layer by layer on the way back, so the early weights take huge steps. Lower the learning ` +
        `rate, use Glorot / He initialisation, or clip the gradient norm.`;
    return {
      kind,
      epoch,
      message,
      evidence: {
        layer: worst.layer,
        ratio: ev(r),
        threshold: this.ratio,
        layerGradRms: ev(worst.gradRms),
        outputGradRms: ev(last.gradRms),
        layerGradNorm: ev(worst.gradNorm),
        layerWeightNorm: ev(worst.weightNorm),
        epochs,
        sinceEpoch: epoch - epochs + 1,
      },
      remedies: gradientRemedies(kind, worst, lr),
    };
  }
}

/** Another activation and a fitting initialisation for the layer; a smaller step when exploding. */
export function gradientRemedies(kind: GradKind, l: LayerDiagnostics, lr: number): Remedy[] {
  const r: Remedy[] = [];
  const squashing = l.fn === 'sigmoid' || l.fn === 'tanh';
  if (squashing && l.activationNodeId !== null && l.activationNodeId !== l.nodeId)
    r.push({ kind: 'change_activation', nodeId: l.activationNodeId, to: 'relu' });
  if (l.nodeId !== null)
    r.push({
      kind: 'change_init',
      nodeId: l.nodeId,
      to: l.fn === 'relu' || l.fn === 'leaky_relu' ? 'he_uniform' : 'glorot_uniform',
    });
  if (kind === 'exploding_gradient' && lr > 0 && Number.isFinite(lr))
    r.push({ kind: 'lower_lr', to: round(lr / 10) });
  return r;
}
