/** The fit loop's callbacks (see callback.ts for the hook contract). */
export {
  CallbackList,
  type Callback,
  type FitOutcome,
  type FitState,
  type StopRequest,
  type Verdict,
} from './callback';
export { BestWeightsCallback, EpochLog } from './best-weights';
export { DiagnosticsCallback } from './diagnostics';
export { DivergenceGuard } from './divergence';
export { EarlyStopping } from './early-stopping';
export { LearningRate } from './learning-rate';
export { MonitorCallback } from './monitor';
export { builtInCallbacks, FitRun, type BuiltInSettings } from './run';
