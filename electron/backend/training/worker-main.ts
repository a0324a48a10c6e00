/**
 * The training worker: runs the engine's Trainer off the main thread and posts its events.
 * Batch events are thinned here (at most one per 25 ms) so thousands of batches a second do not
 * flood the main process; epoch, state and end events are always posted.
 */
import { parentPort } from 'node:worker_threads';
import { Trainer } from '../../../engine/train/trainer';
import { TrainingControl } from '../../../engine/train/control';
import type { TrainEvent } from '../../../engine/train/events';
import type { Dataset } from '../../../engine/data/dataset';
import type { ScheduleConfig } from '../../../engine/optimizers/schedules';
import type { FromWorker, StartMessage, ToWorker } from './protocol';
import { evaluateSplit } from './evaluate';
import { weightStats } from '../../../engine/train/weight-stats';

const BATCH_EVERY_MS = 25;

function port() {
  if (!parentPort) throw new Error('training-worker must run in a worker thread');
  return parentPort;
}

export function startWorker(): void {
  const post = (m: FromWorker) => port().postMessage(m);
  const control = new TrainingControl();
  let stepping = false;
  let started = false;

  port().on('message', (msg: ToWorker) => {
    if (msg.type === 'start') {
      if (started) return;
      started = true;
      run(
        msg,
        control,
        () => stepping,
        (v) => (stepping = v),
        post,
      ).catch((err: unknown) =>
        post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
      );
    } else if (msg.action === 'pause') control.pause();
    else if (msg.action === 'resume') {
      stepping = false;
      control.resume();
    } else if (msg.action === 'stop') control.stop();
    else if (msg.action === 'step') {
      // Run until the next epoch ends, then pause again.
      stepping = true;
      control.resume();
    }
  });
}

async function run(
  msg: StartMessage,
  control: TrainingControl,
  isStepping: () => boolean,
  setStepping: (v: boolean) => void,
  post: (m: FromWorker) => void,
): Promise<void> {
  const { settings } = msg;
  const trainer = new Trainer(msg.spec, { seed: settings.seed, maxBatch: settings.batchSize });
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
    if (event.type === 'epoch' && isStepping()) {
      setStepping(false);
      control.pause();
    }
  };

  const result = await trainer.fit(train, {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    optimizer: { name: settings.optimizer, lr: settings.lr },
    ...(settings.schedule !== 'constant' ? { schedule: scheduleFor(settings) } : {}),
    shuffle: true,
    ...(msg.validation ? { validation: msg.validation } : {}),
    onEvent,
    control,
    // Let control messages in between batches.
    yieldToHost: () => new Promise<void>((r) => setImmediate(r)),
    yieldEveryMs: 10,
  });
  const evaluation = msg.test
    ? evaluateSplit(trainer, msg.test, 'test', msg.spec.loss, msg.classNames)
    : msg.validation
      ? evaluateSplit(trainer, msg.validation, 'validation', msg.spec.loss, msg.classNames)
      : null;
  const stats = weightStats(trainer.network).map(({ layer: _layer, ...s }) => s);
  const weights = trainer.network.getWeights();
  const finished: FromWorker = {
    type: 'finished',
    reason: result.reason,
    message: result.error ?? null,
    epochs: result.history.length,
    restoredEpoch: null,
    evaluation,
    weightStats: stats.every((s) => [s.min, s.max, s.mean, s.std].every(Number.isFinite))
      ? stats
      : null,
    weights,
  };
  port().postMessage(
    finished,
    weights.map((w) => w.buffer as ArrayBuffer),
  );
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
