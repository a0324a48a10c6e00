import { describe, expect, it } from 'vitest';
import { curvesCsv } from '../../../../renderer/panels/compare/csv';
import type { RunEpoch } from '../../../../electron/contract/training';

const epoch = (n: number, extra: Partial<RunEpoch> = {}): RunEpoch => ({
  epoch: n,
  epochs: 3,
  lr: 0.01,
  train: { loss: 1 / n, acc: 0.5 + n / 10 },
  val: { loss: 1.5 / n, acc: 0.4 + n / 10 },
  elapsedMs: n * 10,
  ...extra,
});

describe('curves as CSV', () => {
  it('writes a header and one row per epoch, with the learning rate last', () => {
    const csv = curvesCsv([epoch(1), epoch(2), epoch(3, { lr: 0.005 })]);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe('epoch,train_loss,val_loss,train_acc,val_acc,lr');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('1,1,1.5,0.6,0.5,0.01');
    expect(lines[3]).toBe(`3,${1 / 3},0.5,${0.5 + 3 / 10},${0.4 + 3 / 10},0.005`);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('leaves a cell empty where a value is missing or not finite, never writing NaN', () => {
    const csv = curvesCsv([
      epoch(1, { val: null }),
      epoch(2, { train: { loss: null, acc: 0.7 } }),
    ]).split('\n');
    expect(csv[1]).toBe('1,1,,0.6,,0.01');
    expect(csv[2]).toBe(`2,,0.75,0.7,${0.4 + 2 / 10},0.01`);
    expect(csv.join('\n')).not.toMatch(/NaN|null|undefined/);
  });

  it('names the regression metrics a regression run recorded', () => {
    const csv = curvesCsv([
      {
        ...epoch(1),
        train: { loss: 2, mae: 1.2, r2: 0.3 },
        val: { loss: 3, mae: 1.4, r2: null },
      },
    ]).split('\n');
    expect(csv[0]).toBe('epoch,train_loss,val_loss,train_mae,val_mae,train_r2,val_r2,lr');
    expect(csv[1]).toBe('1,2,3,1.2,1.4,0.3,,0.01');
  });

  it('adds the penalty its losses include as the last column of a regularised run', () => {
    const csv = curvesCsv([epoch(1, { penalty: 0.25 }), epoch(2, { penalty: 0.5 })]).split('\n');
    expect(csv[0]).toBe('epoch,train_loss,val_loss,train_acc,val_acc,lr,l1_l2_penalty');
    expect(csv[1]).toBe('1,1,1.5,0.6,0.5,0.01,0.25');
    expect(csv[2]!.endsWith(',0.01,0.5')).toBe(true);
  });

  it('has only the header for a run without epochs', () => {
    expect(curvesCsv([])).toBe('epoch,train_loss,val_loss,lr\n');
  });
});
