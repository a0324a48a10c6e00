/** The fit loop's callbacks: user hooks, their order, stopping, and the built-ins' checks. */
import { describe, expect, it } from 'vitest';
import {
  BestWeightsCallback,
  CallbackList,
  EarlyStopping,
  LearningRate,
  type Callback,
  type FitState,
} from '../../../../engine/train/callbacks';
import type { EpochEvent, TrainEvent } from '../../../../engine/train/events';
import { Trainer, type FitOptions } from '../../../../engine/train/trainer';
import { blobs, mlp, shiftedLabels } from './helpers';

const train = blobs(150, 1);
const val = blobs(60, 2);
const opts = (o: Partial<FitOptions> = {}): FitOptions => ({
  epochs: 5,
  batchSize: 16,
  optimizer: { name: 'adam', lr: 0.02 },
  validation: val,
  ...o,
});

/** A callback that logs `name:hook:epoch[.batch]` for every hook into `log`. */
function recorder(name: string, log: string[], stopAt?: { hook: string; epoch: number }): Callback {
  const say = (hook: string, fit: FitState, withBatch = false) => {
    log.push(`${name}:${hook}:${fit.epoch}${withBatch ? `.${fit.batch}` : ''}`);
    return stopAt && stopAt.hook === hook && stopAt.epoch === fit.epoch ? 'stop' : 'continue';
  };
  return {
    onTrainBegin: (fit) => void say('trainBegin', fit),
    onEpochBegin: (fit) => void say('epochBegin', fit),
    onBatchBegin: (fit) => void say('batchBegin', fit, true),
    onGradients: (fit) => say('gradients', fit, true),
    onBatchEnd: (fit) => say('batchEnd', fit, true),
    onEpochEnd: (fit) => say('epochEnd', fit),
    onTrainEnd: (fit, result) => void log.push(`${name}:trainEnd:${result.reason}`),
  };
}

describe('user callbacks', () => {
  it('sees every epoch with its event already in the history, and can stop training', async () => {
    const seen: [number, number, number][] = [];
    const stopper: Callback = {
      onEpochEnd: (fit, e: EpochEvent) => {
        seen.push([e.epoch, fit.history.length, e.val!.loss]);
        return e.epoch === 3 ? 'stop' : 'continue';
      },
    };
    const events: TrainEvent[] = [];
    const t = new Trainer(mlp(2, 8, 3), { seed: 1 });
    const r = await t.fit(
      train,
      opts({ epochs: 10, callbacks: [stopper], onEvent: (e) => events.push(e) }),
    );
    expect(seen.map(([e, h]) => [e, h])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(seen.map(([, , v]) => v)).toEqual(r.history.map((e) => e.val!.loss));
    expect(r.reason).toBe('stopped');
    expect(r.earlyStopped).toBeUndefined();
    expect(events.at(-1)).toMatchObject({ type: 'done', reason: 'stopped', epochs: 3 });
    // A callback's stop keeps the last weights, like the user's stop button.
    expect(t.evaluate(val).loss).toBeCloseTo(r.history[2]!.val!.loss, 5);
  });

  it('composes in order: every hook runs on each callback, first to last', async () => {
    const log: string[] = [];
    const small = blobs(32, 3);
    await new Trainer(mlp(2, 4, 3), { seed: 1 }).fit(
      small,
      opts({
        epochs: 2,
        validation: undefined,
        callbacks: [recorder('A', log), recorder('B', log)],
      }),
    );
    const epoch = (e: number) => [
      `A:epochBegin:${e}`,
      `B:epochBegin:${e}`,
      ...[1, 2].flatMap((b) =>
        ['batchBegin', 'gradients', 'batchEnd'].flatMap((h) => [
          `A:${h}:${e}.${b}`,
          `B:${h}:${e}.${b}`,
        ]),
      ),
      `A:epochEnd:${e}`,
      `B:epochEnd:${e}`,
    ];
    expect(log).toEqual([
      'A:trainBegin:0',
      'B:trainBegin:0',
      ...epoch(1),
      ...epoch(2),
      'A:trainEnd:completed',
      'B:trainEnd:completed',
    ]);
  });

  it('lets every callback see the hook that stops, and skips the update on a gradient stop', async () => {
    const log: string[] = [];
    const t = new Trainer(mlp(2, 8, 3), { seed: 1 });
    const r = await t.fit(
      train,
      opts({
        shuffle: false,
        callbacks: [recorder('A', log, { hook: 'gradients', epoch: 2 }), recorder('B', log)],
      }),
    );
    expect(r.reason).toBe('stopped');
    expect(r.history).toHaveLength(1);
    expect(log.slice(-4)).toEqual([
      'A:gradients:2.1',
      'B:gradients:2.1',
      'A:trainEnd:stopped',
      'B:trainEnd:stopped',
    ]);
    // Epoch 2's first update never ran: the weights are exactly those after epoch 1.
    const ref = new Trainer(mlp(2, 8, 3), { seed: 1 });
    await ref.fit(train, opts({ epochs: 1, shuffle: false }));
    expect(t.network.getWeights()).toEqual(ref.network.getWeights());
  });

  it('leaves the numbers bit-identical', async () => {
    const run = async (callbacks: Callback[]) => {
      const t = new Trainer(mlp(2, 8, 3), { seed: 4 });
      const r = await t.fit(train, opts({ callbacks }));
      return {
        losses: r.history.map((e) => [e.train.loss, e.val!.loss]),
        w: t.network.getWeights(),
      };
    };
    const log: string[] = [];
    expect(await run([recorder('A', log)])).toEqual(await run([]));
    expect(log.length).toBeGreaterThan(0);
  });

  it('can add the built-in early stopping, which restores the best epoch', async () => {
    const events: TrainEvent[] = [];
    const r = await new Trainer(mlp(2, 8, 3), { seed: 3 }).fit(
      train,
      opts({
        epochs: 30,
        validation: shiftedLabels(train),
        monitor: false,
        callbacks: [new EarlyStopping({ patience: 3 })],
        onEvent: (e) => events.push(e),
      }),
    );
    expect(r).toMatchObject({
      reason: 'stopped',
      earlyStopped: true,
      bestEpoch: 1,
      restoredEpoch: 1,
    });
    expect(events.at(-1)).toMatchObject({ type: 'done', earlyStopped: true, restoredEpoch: 1 });
  });
});

describe('built-in callbacks', () => {
  it('reject bad hyper-parameters, quoting them', () => {
    expect(() => new EarlyStopping({ patience: 0 })).toThrow(
      'early stopping patience must be a whole number ≥ 1, got 0',
    );
    expect(() => new EarlyStopping({ patience: 2, minDelta: -1 })).toThrow(
      'early stopping min delta must be a number ≥ 0, got -1',
    );
    expect(() => new LearningRate(0)).toThrow('learning rate must be a number > 0, got 0');
    expect(() => new LearningRate(0.1, { kind: 'exponential', gamma: 2 })).toThrow(
      'exponential schedule: gamma must be in (0, 1], got 2',
    );
    expect(() => new BestWeightsCallback(false, -0.5)).toThrow(
      'best-weights min delta must be a number ≥ 0, got -0.5',
    );
    expect(() => new CallbackList([null as unknown as Callback])).toThrow(
      'callback 1 must be an object with hook methods, got null',
    );
  });
});
