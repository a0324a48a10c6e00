/**
 * The overfitting monitor's plain data: alerts, remedies and activation statistics. Everything
 * here is JSON-serialisable, so a worker can post it over IPC unchanged.
 */
import type { ActivationKind } from '../../backend/backend';

export type AlertKind =
  | 'overfitting'
  | 'underfitting'
  | 'divergence'
  | 'instability'
  | 'dead_units'
  | 'saturation'
  | 'vanishing_gradient'
  | 'exploding_gradient';

/**
 * A one-click fix the UI can offer. Node ids are the canvas graph's node ids (LayerSpec.nodeIds).
 * - restore_best: put back the weights of `epoch` (the best validation epoch)
 * - add_dropout: insert a Dropout node with `rate` right after node `afterNodeId`
 * - raise_l2 / lower_l2: set the model's L2 λ `to`
 * - fewer_units / more_units: set Dense node `nodeId` to `units`
 * - lower_lr: set the learning rate `to` (live, while training)
 * - change_activation: replace activation node `nodeId`'s function by `to`
 * - stop: stop training now
 */
export type Remedy =
  | { kind: 'restore_best'; epoch: number }
  | { kind: 'add_dropout'; afterNodeId: string; rate: number }
  | { kind: 'raise_l2'; to: number }
  | { kind: 'lower_l2'; to: number }
  | { kind: 'fewer_units'; nodeId: string; units: number }
  | { kind: 'more_units'; nodeId: string; units: number }
  | { kind: 'lower_lr'; to: number }
  | { kind: 'change_activation'; nodeId: string; to: 'leaky_relu' | 'relu' }
  | { kind: 'change_init'; nodeId: string; to: 'he_uniform' | 'glorot_uniform' }
  | { kind: 'stop' };

export interface Alert {
  kind: AlertKind;
  /** The epoch (from 1) whose numbers raised the alert. */
  epoch: number;
  /** A plain explanation of the cause, quoting the numbers behind it. */
  message: string;
  /** The numbers behind the alert (all finite numbers, or null where a value was NaN/∞). */
  evidence: Record<string, number | null>;
  remedies: Remedy[];
}

/** Activation statistics of one activation layer on the validation set (evaluation mode). */
export interface ActivationLayerStats {
  /** Index in ModelSpec.layers. */
  layer: number;
  /** Graph node id of the activation (the Activation node, or the Dense node if none). */
  nodeId: string | null;
  /** Graph node id of the Dense feeding it, if any. */
  denseNodeId: string | null;
  fn: ActivationKind;
  units: number;
  /** Samples seen. */
  samples: number;
  /** ReLU only: units whose output was 0 on every sample (count and share of units). */
  deadUnits: number;
  deadShare: number;
  /** sigmoid/tanh only: units saturated (sigmoid a < 0.03 or a > 0.97; tanh |a| > 0.97) on more than half the samples. */
  saturatedUnits: number;
  saturatedShare: number;
}

/**
 * One Dense layer's numbers over an epoch (DiagnosticsCallback): gradient and weight norms, and
 * the dead / saturated share of its activation on the validation set where one was measured.
 */
export interface LayerDiagnostics {
  /** Index in ModelSpec.layers. */
  layer: number;
  /** Graph node id of the Dense (null for a spec without node ids). */
  nodeId: string | null;
  /** Graph node id of its activation (the fused Activation node, or the Dense itself). */
  activationNodeId: string | null;
  fn: ActivationKind;
  units: number;
  /** Trainable values of the layer (kernel and bias). */
  params: number;
  /** Mean over the epoch's batches of ‖∂L/∂θ‖₂ over the layer's kernel and bias. */
  gradNorm: number;
  /** gradNorm / √params: comparable between layers of different sizes. */
  gradRms: number;
  /** ‖θ‖₂ of kernel and bias at the end of the epoch. */
  weightNorm: number;
  /** ReLU: share of units never active on the validation set; null when not measured. */
  deadShare: number | null;
  /** sigmoid / tanh: share of units saturated on most validation rows; null when not measured. */
  saturatedShare: number | null;
}
