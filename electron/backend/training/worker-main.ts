/**
 * The training worker: runs the engine's Trainer off the main thread and posts its events.
 * Batch events are thinned here (at most one per 25 ms) so thousands of batches a second do not
 * flood the main process; epoch, alert, state and end events are always posted. After a run the
 * worker keeps the trained model, so "restore best epoch" can put the best weights back.
 *
 * The service keeps this one worker for every run (headless-gl loads in one thread per process
 * only, see ./gpu.ts): a new start replaces the finished session. Before training, the backend
 * is chosen (engine/train/backend-choice.ts) and posted with its reason.
 */
import { parentPort } from 'node:worker_threads';
import { Trainer, type FitSettings } from '../../../engine/train/trainer';
import { TrainingControl } from '../../../engine/train/control';
import type { TrainEvent } from '../../../engine/train/events';
import type { Dataset } from '../../../engine/data/dataset';
import type { ScheduleConfig } from '../../../engine/optimizers/schedules';
import { weightStats } from '../../../engine/train/weight-stats';
import type { FromWorker, ModelState, StartMessage, ToWorker } from './protocol';
import { evaluateSplit } from './evaluate';
import { augmentConfig } from './augment-config';
import { chooseTrainingBackend } from './gpu';

const BATCH_EVERY_MS = 25;

function port() {
  if (!parentPort) throw new Error('training-worker must run in a worker thread');
  return parentPort;
}

const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port().postMessage(m, transfer);

interface Session {
  msg: StartMessage;
  trainer: Trainer;
  control: TrainingControl;
}

/** Chooses the backend (posting it) and builds the session's trainer on it. */
async function open(msg: StartMessage, control: TrainingControl): Promise<Session> {
  const s = msg.settings;
  const choice = await chooseTrainingBackend({
    preference: msg.backend,
    spec: msg.spec,
    train: msg.train,
    batchSize: s.batchSize,
    optimizer: { name: s.optimizer, lr: s.lr },
  });
  const { kind, kernel, renderer, reason } = choice;
  post({ type: 'backend', backend: { backend: kind, kernel, renderer, reason } });
  const trainer = new Trainer(msg.spec, {
    backend: choice.backend,
    seed: s.seed,
    maxBatch: s.batchSize,
  });
  return { msg, trainer, control };
}

export function startWorker(): void {
  let session: Session | null = null;
  let starting = false;
  // Controls sent while the backend is being chosen apply to the run about to start.
  let control = new TrainingControl();
  const fail = (err: unknown) =>
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });

  port().on('message', (msg: ToWorker) => {
    try {
      switch (msg.type) {
        case 'start':
          if (starting) return;
          starting = true;
          // The previous run is finished (the service allows one at a time): free its device.
          session?.trainer.network.backend.dispose();
          session = null;
          control = new TrainingControl();
          open(msg, control)
            .then((s) => {
              session = s;
              starting = false;
              return run(s);
            })
            .catch((err: unknown) => {
              starting = false;
              fail(err);
            });
          return;
        case 'control':
          if (msg.action === 'pause') control.pause();
          else if (msg.action === 'resume') control.resume();
          else if (msg.action === 'stop') control.stop();
          else control.stepEpoch();
          return;
        case 'setLearningRate':
          control.setLearningRate(msg.lr);
          return;
        case 'restoreBest': {
          if (!session) throw new Error('nothing was trained');
          const epoch = session.trainer.restoreBest();
          const [state, transfer] = modelState(session);
          post({ type: 'restored', epoch, ...state }, transfer);
          return;
        }
      }
    } catch (err) {
      fail(err);
    }
  });
}

function fitSettings(s: StartMessage['settings']): FitSettings {
  const augment = augmentConfig(s.augment, s.seed);
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

async function run(session: Session): Promise<void> {
  const { msg, trainer, control } = session;
  const { settings } = msg;
  const train: Dataset = msg.train;
  let lastBatchPost = 0;
  let samplesSince = 0;
  let since = Date.now();

  const onEvent = (event: TrainEvent) => {
    if (event.type === 'batch') {
      samplesSince += settings.batchSize;
      const now = Date.now();
      if (now - lastBatchPost < BATCH_EVERY_MS) return;
      const samplesPerSec = (samplesSince * 1000) / Math.max(1, now - since);
      lastBatchPost = now;
      since = now;
      samplesSince = 0;
      post({ type: 'event', event, samplesPerSec });
      return;
    }
    post({ type: 'event', event });
  };

  const result = await trainer.fit(train, {
    ...fitSettings(settings),
    ...(msg.validation ? { validation: msg.validation } : {}),
    onEvent,
    control,
    // Let control messages in between batches.
    yieldToHost: () => new Promise<void>((r) => setImmediate(r)),
    yieldEveryMs: 10,
  });
  const [state, transfer] = modelState(session);
  const stoppedEarly = result.earlyStopped
    ? `Early stopping: the validation loss had not improved for ${settings.earlyStopping?.patience} epochs.`
    : null;
  post(
    {
      type: 'finished',
      reason: result.reason,
      message: result.error ?? stoppedEarly,
      epochs: result.history.length,
      restoredEpoch: result.restoredEpoch ?? null,
      ...state,
    },
    transfer,
  );
}

/** The model as it is now: evaluation, weight statistics and the weights (to transfer). */
function modelState(session: Session): [ModelState, ArrayBuffer[]] {
  const { msg, trainer } = session;
  const evaluation = msg.test
    ? evaluateSplit(trainer, msg.test, 'test', msg.classNames)
    : msg.validation
      ? evaluateSplit(trainer, msg.validation, 'validation', msg.classNames)
      : null;
  const stats = weightStats(trainer.network).map(({ layer: _layer, ...s }) => s);
  const finite = stats.every((s) => [s.min, s.max, s.mean, s.std].every(Number.isFinite));
  const weights = trainer.network.getWeights();
  return [
    { evaluation, weightStats: finite ? stats : null, weights },
    weights.map((w) => w.buffer as ArrayBuffer),
  ];
}

function scheduleFor(s: StartMessage['settings']): ScheduleConfig {
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
