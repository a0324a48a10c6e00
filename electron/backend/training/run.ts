/**
 * The worker's side of a run (the app's training worker, sweep workers, the CLI): the backend
 * choice and the Trainer, the fit with the app's settings, the model's state and metrics as they
 * travel. Kept apart from setup.ts (the graph compiler and the IPC contract, both built on zod)
 * so that a sweep worker loads only the engine: every worker thread is a separate heap, and
 * zod with the contract's schemas costs about 19 MB in each.
 */
import type { RunBackend, TrainSettings } from '../../contract/training';
import type { PixelGrid } from '../../../engine/data/image';
import type { ScheduleConfig } from '../../../engine/optimizers/schedules';
import {
  Trainer,
  type FitOptions,
  type FitResult,
  type FitSettings,
} from '../../../engine/train/trainer';
import { weightStats } from '../../../engine/train/weight-stats';
import { augmentConfig } from './augment-config';
import { evaluateSplit } from './evaluate';
import { chooseTrainingBackend } from './gpu';
import type { ModelState, StartMessage } from './protocol';

/**
 * Chooses the backend (measured for auto) and builds the run's trainer on it; `helpers: false`
 * keeps a CPU run on the calling thread (see chooseTrainingBackend).
 */
export async function openTrainer(
  msg: StartMessage,
  helpers = true,
): Promise<{ trainer: Trainer; backend: RunBackend }> {
  const s = msg.settings;
  const choice = await chooseTrainingBackend(
    {
      preference: msg.backend,
      spec: msg.spec,
      train: msg.train,
      batchSize: s.batchSize,
      optimizer: { name: s.optimizer, lr: s.lr },
    },
    helpers,
  );
  const { kind, kernel, renderer, reason } = choice;
  const trainer = new Trainer(msg.spec, {
    backend: choice.backend,
    seed: s.seed,
    maxBatch: s.batchSize,
  });
  return { trainer, backend: { backend: kind, kernel, renderer, reason } };
}

/** Trains on the start message's data with the app's settings; hooks are the host's. */
export function fitRun(
  trainer: Trainer,
  msg: StartMessage,
  hooks: Pick<
    FitOptions,
    'onEvent' | 'control' | 'yieldToHost' | 'yieldEveryMs' | 'batchEvery' | 'diagnostics'
  >,
): Promise<FitResult> {
  return trainer.fit(msg.train, {
    ...fitSettings(msg.settings, msg.pixels),
    ...(msg.validation ? { validation: msg.validation } : {}),
    ...hooks,
  });
}

export function fitSettings(s: TrainSettings, pixels: PixelGrid | null = null): FitSettings {
  const augment = augmentConfig(s.augment, s.seed, pixels);
  return {
    epochs: s.epochs,
    batchSize: s.batchSize,
    optimizer: { name: s.optimizer, lr: s.lr },
    ...(s.schedule !== 'constant' ? { schedule: scheduleFor(s) } : {}),
    shuffle: true,
    ...(s.earlyStopping
      ? {
          earlyStopping: {
            patience: s.earlyStopping.patience,
            minDelta: s.earlyStopping.minDelta,
            restoreBest: s.earlyStopping.restoreBest,
          },
        }
      : {}),
    ...(augment ? { augment } : {}),
  };
}

function scheduleFor(s: TrainSettings): ScheduleConfig {
  switch (s.schedule) {
    case 'step':
      return { kind: 'step', every: Math.max(1, Math.round(s.epochs / 3)), gamma: 0.5 };
    case 'exponential':
      return { kind: 'exponential', gamma: 0.97 };
    case 'cosine':
      return { kind: 'cosine', epochs: s.epochs, minLr: 0 };
    default:
      return { kind: 'constant' };
  }
}

/** The model as it is now: evaluation (scaled units), weight statistics and the weights. */
export function modelState(trainer: Trainer, msg: StartMessage): ModelState {
  const evaluation = msg.test
    ? evaluateSplit(trainer, msg.test, 'test', msg.classNames)
    : msg.validation
      ? evaluateSplit(trainer, msg.validation, 'validation', msg.classNames)
      : null;
  const stats = weightStats(trainer.network).map(({ layer: _layer, ...s }) => s);
  const finite = stats.every((s) => [s.min, s.max, s.mean, s.std].every(Number.isFinite));
  return { evaluation, weightStats: finite ? stats : null, weights: trainer.network.getWeights() };
}

/** NaN/∞ metrics (a diverged epoch) travel as null: JSON has no NaN. */
export function cleanMetrics(
  m: { loss: number; acc?: number; mae?: number; r2?: number },
  targetStd = 1,
) {
  const f = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    loss: f(m.loss),
    ...(m.acc !== undefined && Number.isFinite(m.acc) ? { acc: m.acc } : {}),
    // Trained on the standardized target: MAE goes back to the target's units (R² needs nothing).
    ...(m.mae !== undefined && Number.isFinite(m.mae) ? { mae: m.mae * targetStd } : {}),
    ...(m.r2 !== undefined ? { r2: f(m.r2) } : {}),
  };
}
