/**
 * The malformed-file corpus (tests/fixtures/csv): every file is loaded the way the app loads a
 * file (bytes → decode → parse → infer → prepare; in-process and in worker threads) and must give its expected message, naming
 * the file and, where they apply, the line and column. Nothing may crash.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../../electron/contract';
import { DatasetStore } from '../../../../../electron/backend/datasets/store';
import { streamCsvFile } from '../../../../../electron/backend/datasets/read';
import type { DatasetSummary } from '../../../../../engine/data/types';
import { bundleCsvWorker } from '../../../../support/csv-worker';

const dir = path.resolve(__dirname, '../../../../fixtures/csv');

type Expect =
  | { error: string; line?: number; column?: string }
  | { finding: string; text: string }
  | { ok: (s: DatasetSummary) => void };

const cases: Record<string, Expect> = {
  'empty.csv': { error: '"empty.csv" is empty: it has no header and no rows.' },
  'whitespace-only.csv': { error: '"whitespace-only.csv" is empty' },
  'header-only.csv': { error: '"header-only.csv" has a header row but no data rows.', line: 1 },
  'header-only-crlf.csv': { error: '"header-only-crlf.csv" has a header row but no data rows.' },
  'too-many-fields.csv': {
    error: "1 row does not have the header's 3 fields: line 4 has 4",
    line: 4,
  },
  'too-few-fields.csv': {
    error: "1 row does not have the header's 3 fields: line 3 has 2",
    line: 3,
  },
  'many-bad-rows.csv': {
    error:
      '7 rows do not have the header\'s 3 fields: line 2 has 2, line 5 has 2, line 8 has 2, line 11 has 2, line 14 has 2 (and 2 more). Fix the file, or choose "Skip bad rows"',
    line: 2,
  },
  'duplicate-header.csv': {
    error: '"duplicate-header.csv" line 1: the header names two columns "a" (columns 1 and 3)',
    column: 'a',
  },
  'blank-header.csv': {
    error: '"blank-header.csv" line 1: column 2 has no name in the header row',
  },
  'trailing-comma-header.csv': {
    error: '"trailing-comma-header.csv" line 1: column 4 has no name',
  },
  'binary-nul.csv': { error: '"binary-nul.csv" looks like a binary file (it contains NUL bytes)' },
  'excel-workbook.csv': {
    error:
      '"excel-workbook.csv" is a ZIP archive or an Excel workbook (.xlsx), not CSV text. Save or export it as CSV first.',
  },
  'old-excel.csv': { error: '"old-excel.csv" is an old Excel workbook (.xls)' },
  'gzip.csv': { error: '"gzip.csv" is a gzip-compressed file' },
  'latin1.csv': {
    ok: (s) => {
      expect(s.file.encoding).toBe('latin-1');
      expect(s.file.notes[0]).toContain(
        '"latin1.csv" is not valid UTF-8 (the first bad byte is on line 2), so it was read as Latin-1',
      );
      expect(s.columns[0]!.top![0]!.value).toMatch(/^café \d$/);
    },
  },
  'latin1-late.csv': {
    ok: (s) => expect(s.file.notes[0]).toContain('the first bad byte is on line 40'),
  },
  'utf16le-bom.csv': {
    ok: (s) => {
      expect(s.file.notes[0]).toContain('UTF-16');
      expect(s.preview.header).toEqual(['a', 'b', 'label']);
    },
  },
  'target-one-class.csv': { finding: 'target-one-class', text: 'Every row of "label" is "yes"' },
  'target-all-missing.csv': {
    finding: 'target-all-missing',
    text: 'Every value of the target column "label" is missing',
  },
  'target-many-classes.csv': {
    finding: 'target-many-classes',
    text: '"label" has more than 100 different values',
  },
  'all-excluded.csv': {
    finding: 'no-features',
    text: 'Every column except the target "label" is left out',
  },
  'single-column.csv': { finding: 'no-features', text: 'Every column except the target "label"' },
  'unclosed-quote.csv': {
    error: '"unclosed-quote.csv" line 3: a quoted field starts here and is never closed.',
    line: 3,
  },
  'text-after-quote.csv': {
    error: '"text-after-quote.csv" line 3: a quoted field has text after its closing quote.',
    line: 3,
  },
  'not-numbers.csv': {
    finding: 'not-numbers',
    text: '"not-numbers.csv" line 5, column "y": "abc" is not a number',
  },
  'too-few-rows.csv': { finding: 'no-rows', text: 'Only 2 rows remain' },
  'bad-row-after-quoted-newline.csv': { error: 'line 7 has 2', line: 7 },
  'missing-target-rows.csv': {
    ok: (s) => {
      expect(s.droppedRows.missingTarget).toBe(2);
      expect(s.split!.train + s.split!.validation + s.split!.test).toBe(18);
    },
  },
  'all-missing-column.csv': {
    ok: (s) =>
      expect(s.columns[1]).toMatchObject({
        kind: 'empty',
        role: 'excluded',
        reason: 'every value is missing',
        missing: 20,
      }),
  },
  'dates.csv': {
    ok: (s) =>
      expect(s.columns[0]).toMatchObject({
        kind: 'date',
        role: 'excluded',
        reason: expect.stringContaining('dates are not used'),
      }),
  },
  'only-bad-rows.csv': {
    error: "3 rows do not have the header's 3 fields: line 2 has 2, line 3 has 2, line 4 has 2",
    line: 2,
  },
  'unclosed-quote-header.csv': {
    error: '"unclosed-quote-header.csv" line 1: a quoted field starts here and is never closed.',
  },
  'png-image.csv': { error: '"png-image.csv" is a PNG image, not CSV text.' },
  'pdf-document.csv': { error: '"pdf-document.csv" is a PDF document, not CSV text.' },
  'duplicate-header-late.csv': {
    error: 'the header names two columns "x" (columns 2 and 5)',
    column: 'x',
  },
  'constant-target-numeric.csv': {
    finding: 'target-one-class',
    text: 'Every row of "label" is "1"',
  },
  'nul-in-middle.csv': { error: '"nul-in-middle.csv" looks like a binary file' },
  'blank-quoted-header.csv': { error: '"blank-quoted-header.csv" line 1: column 2 has no name' },
  'target-all-na-tokens.csv': {
    finding: 'target-all-missing',
    text: 'Every value of the target column "label" is missing',
  },
  'whitespace-header-name.csv': {
    error: '"whitespace-header-name.csv" line 1: column 2 has no name',
  },
  'bom-crlf.csv': { ok: (s) => expect(s.preview.header).toEqual(['a', 'b', 'label']) },
  'semicolon-decimal-comma.csv': {
    ok: (s) => {
      expect(s.file).toMatchObject({ delimiter: ';', decimalComma: true });
      expect(s.columns[0]).toMatchObject({ kind: 'numeric', stats: { min: 1.5, max: 7.5 } });
    },
  },
  'tabs.tsv': { ok: (s) => expect(s.file.delimiter).toBe('\t') },
  'no-header.csv': {
    ok: (s) => {
      expect(s.file.hasHeader).toBe(false);
      expect(s.preview.header).toEqual(['col_1', 'col_2', 'col_3']);
      expect(s.file.rows).toBe(30);
    },
  },
  'quoted-fields.csv': {
    ok: (s) =>
      expect(s.preview.rows.map((r) => r[0])).toEqual([
        'Smith, John',
        'multi\nline',
        'say "hi"',
        'plain',
      ]),
  },
  'trailing-empty-lines.csv': { ok: (s) => expect(s.file.rows).toBe(3) },
  'mixed-line-endings.csv': {
    ok: (s) => expect(s.columns.map((c) => c.kind)).toEqual(['integer', 'integer', 'boolean']),
  },
  'missing-tokens.csv': {
    ok: (s) => expect(s.columns.map((c) => c.missing)).toEqual([3, 3, 0]),
  },
};

let workerPath = '';
beforeAll(async () => {
  const bundled = await bundleCsvWorker('layerlab-corpus-');
  workerPath = bundled.workerPath;
  return bundled.remove;
});

/**
 * Streamed from disk as the app does (in-process, or in CSV worker threads, cut into parts
 * wherever the file is long enough), or from bytes in memory as the CLI does.
 */
async function load(file: string, how: 'stream' | 'worker' | 'bytes'): Promise<DatasetSummary> {
  if (how !== 'bytes') {
    const stream = await streamCsvFile(path.join(dir, file));
    const store = new DatasetStore(
      how === 'worker'
        ? { workers: { workerPath, minBytes: 0, parallelMinBytes: 0, partMinBytes: 1 } }
        : {},
    );
    return store.load({ name: file, size: stream.size, file: stream });
  }
  const bytes = readFileSync(path.join(dir, file));
  return new DatasetStore().load({ name: file, size: bytes.length, bytes });
}

describe('the bad-input corpus', () => {
  it('has an expectation for every file and a file for every expectation (at least 30 malformed)', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f !== 'README.md')
        .sort(),
    ).toEqual(Object.keys(cases).sort());
    const malformed = Object.values(cases).filter((c) => !('ok' in c)).length;
    expect(malformed).toBeGreaterThanOrEqual(30);
  });

  for (const [file, want] of Object.entries(cases))
    for (const how of ['stream', 'worker', 'bytes'] as const) {
      it(`${file} (${how}): ${'error' in want ? want.error : 'finding' in want ? want.text : 'reads correctly'}`, async () => {
        if ('error' in want) {
          const err = await load(file, how).then(
            () => null,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(AppError);
          const e = err as AppError;
          expect(e.code).toBe('BAD_REQUEST');
          expect(e.message).toContain(want.error);
          expect(e.message).toContain(`"${file}"`);
          if (want.line !== undefined) expect(e.details).toMatchObject({ line: want.line, file });
          if (want.column !== undefined) expect(e.details).toMatchObject({ column: want.column });
          return;
        }
        const s = await load(file, how);
        if ('finding' in want) {
          const f = s.findings.find((x) => x.id === want.finding);
          expect(f?.detail).toContain(want.text);
          if (f?.severity === 'error') expect(s.ready).toBe(false);
          return;
        }
        want.ok(s);
      });
    }
});
