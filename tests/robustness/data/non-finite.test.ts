/**
 * Numbers without a finite value in a numeric column ("1e309", "-1e309", "Infinity", "inf",
 * "-inf", "-nan"): the column stays numeric, the cells are counted in a finding with their lines
 * and treated as missing (imputed), or refused when the column says so; never a reason to one-hot
 * the column.
 */
import { describe, expect, it } from 'vitest';
import { DatasetStore } from '../../../electron/backend/datasets/store';
import type { DatasetSummary } from '../../../engine/data/types';

const BAD = ['1e309', '-1e309', 'Infinity', 'inf', '-inf', '-nan'];

/** 60 rows of x (a measurement), y (0/1); x holds BAD on rows 10, 15, …, 35 (lines 12, 17, …). */
function csv(): string {
  const lines = ['x,z,y'];
  for (let r = 0; r < 60; r++) {
    const bad = r >= 10 && r % 5 === 0 && r < 40 ? BAD[(r - 10) / 5]! : null;
    lines.push(`${bad ?? ((r * 37) % 101) / 7},${(r * 13) % 17},${r % 2}`);
  }
  return lines.join('\n') + '\n';
}

async function open(options = {}): Promise<{ store: DatasetStore; s: DatasetSummary }> {
  const store = new DatasetStore();
  const text = csv();
  const s = await store.load({ name: 'inf.csv', size: text.length, text, options });
  return { store, s };
}

describe('infinite and overflowing numbers in a numeric column', () => {
  it('keep the column numeric, are counted with their lines and imputed as missing', async () => {
    const { store, s } = await open();
    const x = s.columns.find((c) => c.name === 'x')!;
    expect(x).toMatchObject({ kind: 'numeric', role: 'feature', invalid: 6, impute: 'mean' });
    expect(x.top).toBeNull();
    expect(s.encoding.featureNames).toEqual(['x', 'z']); // not one-hot
    const f = s.findings.find((g) => g.id === 'non-finite-numbers');
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.detail).toContain(
      '6 cells of "x" (line 12: "1e309", line 17: "-1e309", line 22: "Infinity", …): treated as missing, filled with the mean',
    );
    expect(s.ready).toBe(true);
    // The encoded rows hold only finite numbers.
    const train = store.encodeSplit(s.id, 'train');
    expect(train.x.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('never turn a column into a categorical one, however many there are', async () => {
    const store = new DatasetStore();
    // A third of the cells overflow; the rest are a few small integers.
    const lines = [
      'n,y',
      ...Array.from({ length: 90 }, (_, r) => `${r % 3 ? r % 4 : BAD[r % 6]},${r % 2}`),
    ];
    const text = lines.join('\n');
    const s = await store.load({ name: 'many.csv', size: text.length, text });
    const n = s.columns.find((c) => c.name === 'n')!;
    expect(n.kind).toBe('integer');
    expect(n.invalid).toBe(30);
    expect(s.encoding.features).toBe(1);
    expect(s.findings.find((g) => g.id === 'non-finite-numbers')!.detail).toContain(
      '30 cells of "n"',
    );
  });

  it('are refused when the column says so, with a one-click way back', async () => {
    const { store, s } = await open({ columns: { x: { nonFinite: 'refuse' } } });
    const f = s.findings.find((g) => g.id === 'non-finite-numbers');
    expect(f).toMatchObject({ severity: 'error', fix: { label: 'Treat them as missing' } });
    expect(s.ready).toBe(false);
    const fixed = await store.configure(s.id, f!.fix!.patch);
    expect(fixed.ready).toBe(true);
    expect(fixed.findings.find((g) => g.id === 'non-finite-numbers')?.severity).toBe('warning');
  });

  it('in a regression target leave their rows out, said in the finding', async () => {
    const { s } = await open({ target: 'x' });
    expect(s.target).toMatchObject({ name: 'x', task: 'regression' });
    expect(s.droppedRows.missingTarget).toBe(6);
    const f = s.findings.find((g) => g.id === 'non-finite-numbers');
    expect(f!.detail).toContain('rows left out: the target is missing');
    expect(s.target!.stats!.max).toBeLessThan(20);
  });
});
