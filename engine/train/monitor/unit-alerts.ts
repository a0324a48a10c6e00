/**
 * Dead-unit and saturation alerts from the validation activation statistics. A kind fires when
 * some layer's dead (ReLU) or saturated (sigmoid/tanh) share of units is ≥ its threshold for
 * `persistence` epochs in a row; its episode ends when every layer is below half the threshold.
 * Layers measured on fewer than 10 samples are ignored (too few to call a unit never active).
 * `explains` tells the monitor that such units, rather than the data, shape the loss curves.
 */
import { ev, pct } from './format';
import { deadUnitRemedies, saturationRemedies } from './remedies';
import type { ActivationLayerStats, Alert } from './types';

type UnitKind = 'dead_units' | 'saturation';
type Body = Pick<Alert, 'message' | 'evidence' | 'remedies'>;

export class UnitAlerts {
  private readonly open = new Set<UnitKind>();
  private readonly runs = new Map<UnitKind, number>();
  private hitNow = false;

  constructor(
    private readonly deadShare: number,
    private readonly saturatedShare: number,
    private readonly persistence: number,
  ) {}

  /** Whether an episode is open or the last statistics had a layer at or above its threshold. */
  get explains(): boolean {
    return this.hitNow || this.open.size > 0;
  }

  check(epoch: number, lr: number, stats: readonly ActivationLayerStats[]): Alert[] {
    const acts = stats.filter((a) => a.samples >= 10);
    this.hitNow = acts.some(
      (a) =>
        (a.fn === 'relu' && a.deadShare >= this.deadShare) ||
        ((a.fn === 'sigmoid' || a.fn === 'tanh') && a.saturatedShare >= this.saturatedShare),
    );
    const out: Alert[] = [];
    const dead = this.kind(
      'dead_units',
      acts.filter((a) => a.fn === 'relu'),
      (a) => a.deadShare,
      this.deadShare,
      (hit) => deadBody(hit, lr),
    );
    if (dead) out.push({ kind: 'dead_units', epoch, ...dead });
    const sat = this.kind(
      'saturation',
      acts.filter((a) => a.fn === 'sigmoid' || a.fn === 'tanh'),
      (a) => a.saturatedShare,
      this.saturatedShare,
      (hit) => saturationBody(hit, lr),
    );
    if (sat) out.push({ kind: 'saturation', epoch, ...sat });
    return out;
  }

  private kind(
    kind: UnitKind,
    layers: ActivationLayerStats[],
    share: (a: ActivationLayerStats) => number,
    threshold: number,
    build: (hit: ActivationLayerStats[]) => Body,
  ): Body | null {
    if (this.open.has(kind)) {
      if (layers.every((a) => share(a) < threshold / 2)) this.open.delete(kind);
      this.runs.set(kind, 0);
      return null;
    }
    const hit = layers.filter((a) => share(a) >= threshold);
    const run = hit.length === 0 ? 0 : (this.runs.get(kind) ?? 0) + 1;
    this.runs.set(kind, run);
    if (run < this.persistence) return null;
    this.open.add(kind);
    return build(hit);
  }
}

/** The canvas node that names a layer: its Dense, else its activation node, else its position. */
export function layerName(
  a: Pick<ActivationLayerStats, 'layer' | 'nodeId' | 'denseNodeId'>,
): string {
  const id = a.denseNodeId ?? a.nodeId;
  return id !== null ? `"${id}"` : `layer ${a.layer + 1}`;
}

function deadBody(hit: ActivationLayerStats[], lr: number): Body {
  const worst = hit.reduce((a, b) => (b.deadShare > a.deadShare ? b : a));
  return {
    message:
      `Dead units: ${worst.deadUnits} of ${worst.units} ReLU units (${pct(100 * worst.deadShare)}) in ` +
      `${layerName(worst)} output 0 for every validation sample. A dead ReLU has zero gradient, so it never ` +
      `learns again — often after too large a learning rate pushed its bias far negative. Use leaky ReLU or a smaller learning rate.`,
    evidence: {
      layer: worst.layer,
      deadUnits: worst.deadUnits,
      units: worst.units,
      deadShare: ev(worst.deadShare),
      layersAffected: hit.length,
    },
    remedies: deadUnitRemedies(hit, lr),
  };
}

function saturationBody(hit: ActivationLayerStats[], lr: number): Body {
  const worst = hit.reduce((a, b) => (b.saturatedShare > a.saturatedShare ? b : a));
  return {
    message:
      `Saturation: ${worst.saturatedUnits} of ${worst.units} ${worst.fn} units (${pct(100 * worst.saturatedShare)}) in ` +
      `${layerName(worst)} sit on the flat tails (|a| > 0.97) for most validation samples. There the ` +
      `derivative is almost 0, so gradients vanish and these units barely learn. Use ReLU, standardize the inputs, or lower the learning rate.`,
    evidence: {
      layer: worst.layer,
      saturatedUnits: worst.saturatedUnits,
      units: worst.units,
      saturatedShare: ev(worst.saturatedShare),
      layersAffected: hit.length,
    },
    remedies: saturationRemedies(hit, lr),
  };
}
