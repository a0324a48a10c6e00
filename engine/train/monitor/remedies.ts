/**
 * The remedies offered with each alert. Layer choices: for overfitting
 * the widest hidden Dense (most capacity to memorise), for underfitting the narrowest.
 */
import type { ActivationLayerStats, Remedy } from './types';
import type { HiddenLayerFacts, ModelFacts } from './model-facts';

/** Significant digits kept in proposed values (λ, learning rate). */
const round = (v: number): number => Number(v.toPrecision(2));

function widest(facts: ModelFacts | null): HiddenLayerFacts | null {
  let best: HiddenLayerFacts | null = null;
  for (const h of facts?.hidden ?? [])
    if (h.nodeId !== null && (!best || h.units > best.units)) best = h;
  return best;
}

function narrowest(facts: ModelFacts | null): HiddenLayerFacts | null {
  let best: HiddenLayerFacts | null = null;
  for (const h of facts?.hidden ?? [])
    if (h.nodeId !== null && (!best || h.units < best.units)) best = h;
  return best;
}

/** Stop and restore the best epoch; Dropout after the widest layer; L2 × 10; a quarter of the units. */
export function overfittingRemedies(bestEpoch: number, facts: ModelFacts | null): Remedy[] {
  const r: Remedy[] = [];
  if (bestEpoch > 0) r.push({ kind: 'restore_best', epoch: bestEpoch });
  const w = widest(facts);
  const noDropout = (facts?.hidden ?? []).find((h) => !h.hasDropout && h.afterNodeId !== null);
  const target = w && !w.hasDropout && w.afterNodeId !== null ? w : noDropout;
  if (target?.afterNodeId)
    r.push({
      kind: 'add_dropout',
      afterNodeId: target.afterNodeId,
      rate: target.units >= 128 ? 0.5 : 0.3,
    });
  const l2 = facts?.l2 ?? 0;
  r.push({ kind: 'raise_l2', to: l2 > 0 ? round(l2 * 10) : 1e-3 });
  if (w?.nodeId && w.units > 2)
    r.push({ kind: 'fewer_units', nodeId: w.nodeId, units: Math.max(2, Math.round(w.units / 4)) });
  r.push({ kind: 'stop' });
  return r;
}

/** More units in the narrowest layer; less L2 where there is some. */
export function underfittingRemedies(facts: ModelFacts | null): Remedy[] {
  const r: Remedy[] = [];
  const n = narrowest(facts);
  if (n?.nodeId) r.push({ kind: 'more_units', nodeId: n.nodeId, units: n.units * 2 });
  const l2 = facts?.l2 ?? 0;
  if (l2 > 0) r.push({ kind: 'lower_l2', to: round(l2 / 10) });
  return r;
}

/** A learning rate ten times smaller; back to the best epoch. */
export function divergenceRemedies(lr: number, bestEpoch: number): Remedy[] {
  const r: Remedy[] = [];
  if (lr > 0 && Number.isFinite(lr)) r.push({ kind: 'lower_lr', to: round(lr / 10) });
  if (bestEpoch > 0) r.push({ kind: 'restore_best', epoch: bestEpoch });
  return r;
}

/** A learning rate three times smaller (the run goes on, so a gentler cut than for divergence). */
export function instabilityRemedies(lr: number): Remedy[] {
  return lr > 0 && Number.isFinite(lr) ? [{ kind: 'lower_lr', to: round(lr / 3) }] : [];
}

/** Leaky ReLU for the affected layers (they always pass some gradient); a smaller learning rate. */
export function deadUnitRemedies(layers: ActivationLayerStats[], lr: number): Remedy[] {
  const r: Remedy[] = [];
  for (const l of layers)
    if (l.nodeId !== null)
      r.push({ kind: 'change_activation', nodeId: l.nodeId, to: 'leaky_relu' });
  if (lr > 0 && Number.isFinite(lr)) r.push({ kind: 'lower_lr', to: round(lr / 10) });
  return r;
}

/** ReLU for saturated sigmoid/tanh layers (no flat tails); a smaller learning rate. */
export function saturationRemedies(layers: ActivationLayerStats[], lr: number): Remedy[] {
  const r: Remedy[] = [];
  for (const l of layers)
    if (l.nodeId !== null) r.push({ kind: 'change_activation', nodeId: l.nodeId, to: 'relu' });
  if (lr > 0 && Number.isFinite(lr)) r.push({ kind: 'lower_lr', to: round(lr / 10) });
  return r;
}
