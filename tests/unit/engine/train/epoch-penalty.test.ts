import { describe, expect, it } from 'vitest';
import type { EpochEvent, TrainEvent } from '../../../../engine/train/events';
import { Trainer } from '../../../../engine/train/trainer';
import { blobs, mlp } from './helpers';

async function epochsOf(l2: number): Promise<{ events: EpochEvent[]; trainer: Trainer }> {
  const trainer = new Trainer(mlp(2, 8, 3, 'relu', { l2 }), { seed: 3 });
  const events: EpochEvent[] = [];
  await trainer.fit(blobs(90, 1), {
    epochs: 3,
    batchSize: 16,
    optimizer: { name: 'adam', lr: 0.02 },
    validation: blobs(30, 2),
    onEvent: (e: TrainEvent) => {
      if (e.type === 'epoch') events.push(e);
    },
  });
  return { events, trainer };
}

describe('the penalty on epoch events', () => {
  it('reports the L2 penalty inside the validation loss, so the data loss can be had', async () => {
    const { events, trainer } = await epochsOf(0.05);
    expect(events).toHaveLength(3);
    for (const e of events) expect(e.penalty).toBeGreaterThan(0);
    // The last epoch's weights are the trainer's now: same penalty, and the validation loss
    // less it is the same network's loss with the penalty switched off.
    const last = events.at(-1)!;
    expect(last.penalty).toBe(trainer.network.penalty());
    expect(last.val!.loss).toBeCloseTo(trainer.evaluate(blobs(30, 2)).loss, 10);
    const plain = new Trainer(mlp(2, 8, 3, 'relu'), { seed: 3 });
    plain.network.setWeights(trainer.network.getWeights());
    expect(last.val!.loss - last.penalty!).toBeCloseTo(plain.evaluate(blobs(30, 2)).loss, 6);
  });

  it('leaves the penalty out when nothing is regularised', async () => {
    const { events } = await epochsOf(0);
    expect(events.every((e) => e.penalty === undefined)).toBe(true);
  });
});
