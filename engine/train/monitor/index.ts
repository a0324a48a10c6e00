/** The overfitting monitor: alerts with evidence and one-click remedies (see monitor.ts). */
export { TrainingMonitor, type EpochObservation, type MonitorOptions } from './monitor';
export { baselineLoss, modelFacts, type HiddenLayerFacts, type ModelFacts } from './model-facts';
export type { ActivationLayerStats, Alert, AlertKind, LayerDiagnostics, Remedy } from './types';
export { GradientAlerts } from './gradient-alerts';
export {
  generalizationLoss,
  movingAverage,
  noiseLevel,
  progressQuotient,
  slope,
  trainingProgress,
  trend,
} from './criteria';
