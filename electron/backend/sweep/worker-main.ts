/**
 * A sweep worker: trains the variants it is given one after another, each through the same run
 * setup as a single run (../training/setup.ts), so a variant's numbers equal `layerlab train`
 * with its settings and seed. Always on the CPU: gpu.js' headless-gl loads in one thread per
 * process only, and a sweep's parallelism is one variant per core.
 */
import { parentPort } from 'node:worker_threads';
import { TrainingControl } from '../../../engine/train/control';
import { cleanMetrics, fitRun, modelState, openTrainer } from '../training/run';
import type { FromSweepWorker, SweepJob, ToSweepWorker } from './protocol';

function port() {
  if (!parentPort) throw new Error('the sweep worker must run in a worker thread');
  return parentPort;
}
const post = (m: FromSweepWorker) => port().postMessage(m);

export function startSweepWorker(): void {
  const controls = new Map<string, TrainingControl>();
  port().on('message', (msg: ToSweepWorker) => {
    if (msg.type === 'stop') {
      controls.get(msg.id)?.stop();
      return;
    }
    const control = new TrainingControl();
    controls.set(msg.id, control);
    run(msg, control)
      .catch((err: unknown) =>
        post({
          type: 'failed',
          id: msg.id,
          message: err instanceof Error ? err.message : String(err),
        }),
      )
      .finally(() => controls.delete(msg.id));
  });
}

async function run(job: SweepJob, control: TrainingControl): Promise<void> {
  const { id, start, targetStd } = job;
  // One variant per core: no helper thread per variant.
  const { trainer } = await openTrainer({ ...start, backend: 'cpu' }, false);
  const began = Date.now();
  try {
    const result = await fitRun(trainer, start, {
      batchEvery: 0,
      control,
      // A stop from the pool arrives between batches.
      yieldToHost: () => new Promise<void>((r) => setImmediate(r)),
      yieldEveryMs: 50,
      onEvent: (e) => {
        if (e.type !== 'epoch') return;
        // The epoch's training loss is a running mean under dropout with a changing penalty; the
        // U-curve compares the data loss of the weights as they are now, like validation's.
        const fitted = trainer.evaluate(start.train);
        const penalty = trainer.network.penalty();
        post({
          type: 'epoch',
          id,
          penalty,
          trainData: Math.max(0, fitted.loss - penalty),
          epoch: {
            epoch: e.epoch,
            epochs: e.epochs,
            lr: e.lr,
            train: cleanMetrics(e.train, targetStd),
            val: e.val ? cleanMetrics(e.val, targetStd) : null,
            elapsedMs: e.elapsedMs,
          },
        });
      },
    });
    const state = modelState(trainer, start);
    post({
      type: 'done',
      id,
      reason: result.reason,
      message: result.error ?? null,
      evaluation: state.evaluation,
      elapsedMs: Date.now() - began,
    });
  } finally {
    trainer.network.backend.dispose();
  }
}
