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
import { Trainer } from '../../../engine/train/trainer';
import { TrainingControl } from '../../../engine/train/control';
import type { TrainEvent } from '../../../engine/train/events';
import type { FromWorker, ModelState, StartMessage, ToWorker } from './protocol';
import { fitRun, modelState as stateOf, openTrainer } from './run';
import { BoundaryWatcher } from './boundary-watch';
import { analyse } from './worker-analysis';

const BATCH_EVERY_MS = 25;

function port() {
  if (!parentPort) throw new Error('training-worker must run in a worker thread');
  return parentPort;
}

const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port().postMessage(m, transfer);
const boundary = new BoundaryWatcher((m) => post(m));

interface Session {
  msg: StartMessage;
  trainer: Trainer;
  control: TrainingControl;
}

/** Chooses the backend (posting it) and builds the session's trainer on it. */
async function open(msg: StartMessage, control: TrainingControl): Promise<Session> {
  const { trainer, backend } = await openTrainer(msg);
  post({ type: 'backend', backend });
  boundary.attach(trainer, msg);
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
        case 'boundary':
          boundary.set(msg.watch);
          return;
        case 'adopt': {
          // On the CPU: a saved network is evaluated, never trained, here.
          const trainer = new Trainer(msg.spec, { seed: 0 });
          trainer.network.setWeights(msg.weights);
          boundary.attach(trainer, msg.data);
          boundary.now(0);
          return;
        }
        case 'analyse': {
          const { id } = msg;
          if (!session) throw new Error('nothing was trained');
          analyse(
            msg.request,
            session.trainer,
            session.msg,
            () => new Promise((r) => setImmediate(r)),
            (seeds) => boundary.setSeeds(seeds),
          )
            .then((result) => post({ type: 'analysed', id, result, error: null }))
            .catch((err: unknown) =>
              post({
                type: 'analysed',
                id,
                result: null,
                error: err instanceof Error ? err.message : String(err),
              }),
            );
          return;
        }
        case 'restoreBest': {
          if (!session) throw new Error('nothing was trained');
          const epoch = session.trainer.restoreBest();
          boundary.now(epoch);
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

async function run(session: Session): Promise<void> {
  const { msg, trainer, control } = session;
  const { settings } = msg;
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
    if (event.type === 'epoch') boundary.onEpoch(event.epoch);
  };

  const result = await fitRun(trainer, msg, {
    onEvent,
    control,
    // Let control messages in between batches.
    yieldToHost: () => new Promise<void>((r) => setImmediate(r)),
    yieldEveryMs: 10,
    diagnostics: true,
  });
  boundary.now(result.history.length);
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

/** The model as it is now (./setup.ts), with its weights' buffers to transfer. */
function modelState(session: Session): [ModelState, ArrayBuffer[]] {
  const state = stateOf(session.trainer, session.msg);
  return [state, state.weights.map((w) => w.buffer as ArrayBuffer)];
}
