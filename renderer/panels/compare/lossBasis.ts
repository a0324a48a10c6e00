/**
 * Which loss Compare puts side by side. Judging generalisation needs the data loss L(W) alone:
 * a run records its losses with the L1/L2 penalty R(W) added (L + R), a sweep keeps the data
 * loss. With the penalty of each epoch recorded, a run's losses become data losses:
 *
 *   validation:  L_val(W_e) = recorded − R(W_e)       (exact: same weights)
 *   training:    ≈ recorded − R(W_e)                  (the record is a running mean over the
 *                                                      epoch's batches, R taken at its end)
 *
 * A run recorded before the penalty was kept apart, and regularised, cannot be brought to that
 * basis: it is marked "with penalty" and never tested against a side without.
 */
import type { RunEpoch, TrainSettings } from '../../../electron/contract/training';
import type { RunGraph } from '../../../engine/graph/run-graph';

export type LossBasis = 'data' | 'penalised';

/** Whether training adds an L1/L2 penalty: global λ or a Dense layer's own. */
export function isRegularised(settings: TrainSettings | null, graph: RunGraph | null): boolean {
  if (settings && (settings.l1 > 0 || settings.l2 > 0)) return true;
  return !!graph?.nodes.some(
    (n) => n.kind === 'dense' && ((n.params.l1 ?? 0) > 0 || (n.params.l2 ?? 0) > 0),
  );
}

/** A recorded (penalised) loss less the penalty, never below 0; null stays null. */
export function lessPenalty(loss: number | null | undefined, penalty: number): number | null {
  if (loss === null || loss === undefined || !Number.isFinite(loss)) return null;
  return Math.max(0, loss - penalty);
}

/**
 * The basis a run's curves can be given: data loss when its penalties were recorded, or when it
 * has none to remove.
 */
export function runBasis(
  epochs: readonly RunEpoch[],
  settings: TrainSettings | null,
  graph: RunGraph | null,
): LossBasis {
  if (epochs.some((e) => e.penalty !== undefined)) return 'data';
  return isRegularised(settings, graph) ? 'penalised' : 'data';
}

/** The sentence under the pickers: which loss is compared, or why two sides cannot be. */
export function basisText(
  a: { label: string; lossBasis: LossBasis },
  b: { label: string; lossBasis: LossBasis },
): { text: string; comparable: boolean } {
  const penalised = [a, b].filter((s) => s.lossBasis === 'penalised');
  if (penalised.length === 0)
    return {
      text: 'Losses compared: the data loss, without the L1/L2 penalty (validation loss as it judges generalisation).',
      comparable: true,
    };
  if (penalised.length === 2)
    return {
      text: 'Losses compared: both include the L1/L2 penalty (these runs were recorded before Layerlab kept the penalty apart).',
      comparable: true,
    };
  return {
    text: `${penalised[0]!.label} was recorded with its L1/L2 penalty inside its losses and cannot be brought to the data loss; the other side's losses have no penalty. Its losses are shown as recorded and not tested against the other side: train it again to compare.`,
    comparable: false,
  };
}
