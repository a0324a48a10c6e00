/**
 * The real check: the "Overfits on purpose" template (Dense 512 → ReLU → Dense 512 → ReLU →
 * Dense 3 → Softmax, no regularization, Adam lr 1e-3, batch 16) on the wine sample, standardized,
 * stratified 70/15/15 split with the seeded RNG (see wine.ts), raises the overfitting alert. (Whether it overfits
 * depends on the split: on some splits the 27 validation rows stay easy and their loss keeps
 * falling for 200 epochs, and the monitor rightly stays silent.)
 */
import { describe, expect, it } from 'vitest';
import { TrainingControl } from '../../../../engine/train/control';
import type { AlertEvent } from '../../../../engine/train/events';
import { Trainer } from '../../../../engine/train/trainer';
import { denseSpec } from './helpers';
import { wine701515 } from './wine';

describe('the overfitting monitor on real data', () => {
  it('fires on the "overfits on purpose" net on wine (epoch 12 at seed 1), and restore goes back to the best epoch', async () => {
    const { train, val } = wine701515(1);
    expect([train.x.rows, val.x.rows]).toEqual([124, 27]);
    const spec = {
      inputs: 13,
      layers: [
        denseSpec(512, 'relu', ['d1', 'a1']),
        denseSpec(512, 'relu', ['d2', 'a2']),
        denseSpec(3, 'linear', ['d3']),
      ],
      loss: 'cce' as const,
      l1: 0,
      l2: 0,
    };
    const trainer = new Trainer(spec, { seed: 1 });
    const control = new TrainingControl();
    const alerts: AlertEvent[] = [];
    const r = await trainer.fit(train, {
      epochs: 200,
      batchSize: 16,
      optimizer: { name: 'adam', lr: 1e-3 },
      validation: val,
      batchEvery: 0,
      control,
      onEvent: (e) => {
        if (e.type !== 'alert') return;
        alerts.push(e);
        if (e.kind === 'overfitting') control.stop();
      },
    });
    const overfit = alerts.find((a) => a.kind === 'overfitting')!;
    expect(overfit.epoch).toBe(12);
    expect(alerts.filter((a) => a.kind !== 'overfitting')).toEqual([]);
    expect(overfit.evidence.bestEpoch).toBe(5);
    expect(overfit.evidence.gl!).toBeGreaterThan(5);
    expect(overfit.remedies[0]).toEqual({ kind: 'restore_best', epoch: 5 });
    expect(overfit.remedies).toContainEqual({ kind: 'add_dropout', afterNodeId: 'a1', rate: 0.5 });
    expect(r.reason).toBe('stopped');
    expect(trainer.restoreBest()).toBe(5);
    expect(trainer.evaluate(val).loss).toBeCloseTo(r.history[4]!.val!.loss, 5);
  }, 30_000);
});
