import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, mergeOptions } from '../../../../engine/data/options';
import { prepare } from '../../../../engine/data/pipeline';
import type { DatasetOptions, Finding } from '../../../../engine/data/types';
import { csv, load, prep, sample } from './helpers';

async function findings(text: string, patch?: Partial<DatasetOptions>): Promise<Finding[]> {
  return (await prep(text, patch)).summary.findings;
}
const ids = (f: Finding[]) => f.map((x) => x.id);

/** n rows, class i % classes (interleaved), two features on similar scales. */
function mixed(n = 60, classes = 3): string {
  return csv([
    ['a', 'b', 'label'],
    ...Array.from({ length: n }, (_, i) => [(i * 7) % 13, ((i * 5) % 11) / 2, i % classes]),
  ]);
}

describe('the sanity gate', () => {
  it('explains a file sorted by class, and says it is handled by the shuffled stratified split', async () => {
    const f = (await findings(sample('iris'))).find((x) => x.id === 'sorted-by-class')!;
    expect(f.severity).toBe('info');
    expect(f.detail).toContain('Handled: rows are shuffled with seed 42');
    const off = (await findings(sample('iris'), { shuffle: false })).find(
      (x) => x.id === 'sorted-by-class',
    )!;
    expect(off).toMatchObject({
      severity: 'warning',
      fix: { patch: { shuffle: true, stratify: true } },
    });
    expect(ids(await findings(mixed()))).not.toContain('sorted-by-class');
  });

  it('flags very different scales, as a warning with a fix when scaling is off', async () => {
    const f = (await findings(sample('wine'), { scaling: 'none' })).find(
      (x) => x.id === 'different-scales',
    )!;
    expect(f).toMatchObject({ severity: 'warning', fix: { patch: { scaling: 'standardize' } } });
    expect(f.detail).toContain('"proline"');
    expect(
      (await findings(sample('wine'))).find((x) => x.id === 'different-scales')!.severity,
    ).toBe('info');
    expect(ids(await findings(mixed()))).not.toContain('different-scales');
  });

  it('reports constant and identifier columns left out, and warns when one is forced in', async () => {
    const text = csv([
      ['id', 'k', 'x', 'label'],
      ...Array.from({ length: 30 }, (_, i) => [i + 1, 3, (i * 7) % 10, i % 2]),
    ]);
    expect(ids(await findings(text))).toEqual(
      expect.arrayContaining(['constant-columns', 'identifier-columns']),
    );
    const forced = await findings(text, { columns: { id: { kind: 'integer' } } });
    expect(forced.find((x) => x.id === 'identifier-column-used')!.fix!.patch).toEqual({
      columns: { id: { use: false } },
    });
    expect(ids(await findings(mixed()))).not.toContain('constant-columns');
  });

  it('catches a feature that predicts the class perfectly (leakage) and offers to leave it out', async () => {
    const text = csv([
      ['x', 'leak', 'label'],
      ...Array.from({ length: 40 }, (_, i) => [(i * 7) % 13, ['lo', 'mid', 'hi'][i % 3]!, i % 3]),
    ]);
    const f = (await findings(text)).find((x) => x.id === 'leakage')!;
    expect(f.detail).toContain('"leak" predicts the target perfectly');
    expect(f.fix!.patch).toEqual({ columns: { leak: { use: false } } });
    expect(ids(await findings(text, f.fix!.patch))).not.toContain('leakage');
    expect(ids(await findings(mixed()))).not.toContain('leakage');
  });

  it('catches a regression feature identical to the target', async () => {
    const text = csv([
      ['x', 'copy', 'y'],
      ...Array.from({ length: 30 }, (_, i) => [(i * 7) % 13, i * 1.5, i * 1.5]),
    ]);
    expect((await findings(text)).find((x) => x.id === 'leakage')!.detail).toContain(
      '"copy" is identical to the target',
    );
  });

  it('counts validation/test rows that repeat a training row, and the fix drops duplicates', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [i % 4, i % 2]);
    const text = csv([['x', 'label'], ...rows]);
    const f = (await findings(text)).find((x) => x.id === 'duplicates-across-splits')!;
    expect(f.detail).toMatch(/^\d+ validation or test rows repeat a training row/);
    const fixed = await prep(text, f.fix!.patch);
    expect(fixed.summary.droppedRows.duplicates).toBe(56);
    expect(ids(await findings(mixed()))).not.toContain('duplicates-across-splits');
  });

  it('warns about a class far rarer than the average class', async () => {
    const text = csv([
      ['x', 'label'],
      ...Array.from({ length: 100 }, (_, i) => [(i * 37) % 101, i < 95 ? 'common' : 'rare']),
    ]);
    expect((await findings(text)).find((x) => x.id === 'class-imbalance')!.detail).toContain(
      'Class "rare" has 5 of 100 rows (5 %), 10× fewer than the average class (50)',
    );
    expect(ids(await findings(mixed()))).not.toContain('class-imbalance');
  });

  it('judges imbalance against the number of classes: ten balanced classes are not imbalanced', async () => {
    // 174–183 rows per class, each under 10 % of the rows: balanced for ten classes.
    const sizes = [174, 175, 176, 177, 178, 179, 180, 181, 182, 183];
    const rows = sizes.flatMap((n, c) =>
      Array.from({ length: n }, (_, i) => [(i * 37 + c) % 101, `c${c}`]),
    );
    expect(ids(await findings(csv([['x', 'label'], ...rows])))).not.toContain('class-imbalance');
    // The same ten classes with one of 30 rows (a sixth of the average) are.
    const rare = sizes.flatMap((n, c) =>
      Array.from({ length: c === 0 ? 30 : n }, (_, i) => [(i * 37 + c) % 101, `c${c}`]),
    );
    expect(
      (await findings(csv([['x', 'label'], ...rare]))).find((x) => x.id === 'class-imbalance')!
        .detail,
    ).toContain('Class "c0" has 30 of');
  });

  it('warns when a split has fewer than 5 rows of a class, offering a bigger split', async () => {
    const f = (await findings(mixed(30))).find((x) => x.id === 'few-rows-per-class')!;
    expect(f.detail).toContain('validation: class "0" has 2');
    expect(f.fix!.patch).toEqual({ split: { train: 0.6, validation: 0.2, test: 0.2 } });
    expect(ids(await findings(mixed(150)))).not.toContain('few-rows-per-class');
  });

  it('warns when the network has many more parameters than training rows', async () => {
    const loaded = await load(mixed(100));
    const at = (parameters: number | null) =>
      ids(prepare(loaded, mergeOptions(DEFAULT_OPTIONS, { parameters })).summary.findings);
    expect(at(5000)).toContain('too-many-parameters');
    expect(at(500)).not.toContain('too-many-parameters');
    expect(at(null)).not.toContain('too-many-parameters');
  });

  it('blocks training while an error stands, and not otherwise', async () => {
    expect((await prep(sample('wine'))).summary.ready).toBe(true);
    const one = csv([['x', 'label'], ...Array.from({ length: 10 }, (_, i) => [i, 'same'])]);
    expect((await prep(one)).summary).toMatchObject({ ready: false, split: null });
  });
});
