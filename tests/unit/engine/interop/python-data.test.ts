/**
 * layerlab_data.py reads cells the way the engine does: numbers (Layerlab's grammar, decimal
 * comma), category keys (numbers in JavaScript's shortest form), yes/no words, missing tokens,
 * and so encodes raw rows to the same float32 features.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseNumber } from '../../../../engine/data/csv/cells';
import { canonical } from '../../../../engine/data/predict';
import { encodeRaw, type Preprocessing } from '../../../../engine/interop/preprocessing';
import { LAYERLAB_DATA_PY } from '../../../../engine/interop/python-data';

const hasNumpy = spawnSync('/usr/bin/python3', ['-c', 'import numpy']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'layerlab-pydata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function python(code: string, input: unknown): unknown {
  writeFileSync(path.join(dir, 'layerlab_data.py'), LAYERLAB_DATA_PY);
  writeFileSync(path.join(dir, 'input.json'), JSON.stringify(input));
  const r = spawnSync(
    '/usr/bin/python3',
    ['-c', `import json, layerlab_data as ld\ndata = json.load(open('input.json'))\n${code}`],
    { cwd: dir, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

const CELLS = [
  '1',
  '-1.5',
  '+2',
  '.5',
  '5.',
  '1e3',
  '1E-7',
  '0x1F',
  'Infinity',
  '1_000',
  '1e400',
  '-0',
  '0.000001',
  '0.0000001',
  '123456789012345678901234',
  '1.50',
  '007',
  'abc',
  '',
  '1,5',
  '1.234,5',
  ' 3 ',
];

describe.skipIf(!hasNumpy)('layerlab_data.py', () => {
  it('reads numbers like the engine, with and without a decimal comma', () => {
    for (const dc of [false, true]) {
      const got = python(
        'print(json.dumps([None if v != v else v for v in (ld.parse_number(c, data["dc"]) for c in data["cells"])]))',
        { cells: CELLS, dc },
      );
      const want = CELLS.map((c) => {
        const v = parseNumber(c, dc);
        return v === v ? v : null;
      });
      expect(got).toEqual(want);
    }
  });

  it('keys categories like the engine (numbers in their shortest JavaScript form)', () => {
    const numbers = [1, 1.5, 0.1, 1e21, 1.5e-7, 123456789, 1e-6, 2 ** 53, -0.25, 1 / 3, 5e-324];
    const cells = [...CELLS, ...numbers.map(String)];
    const got = python('print(json.dumps([ld.category_key(c, False) for c in data]))', cells);
    expect(got).toEqual(cells.map((c) => canonical(c, false)));
  });

  it('encodes raw rows to the same features', () => {
    const pre: Preprocessing = {
      format: 'layerlab-preprocessing',
      version: 1,
      missingTokens: ['', 'na', 'n/a', 'nan', 'null', '?'],
      decimalComma: false,
      features: [
        { name: 'x', kind: 'numeric', fill: 2.5, categories: null, center: 1.25, scale: 3.1 },
        { name: 'b', kind: 'boolean', fill: 0.75, categories: null, center: 0, scale: 1 },
        {
          name: 'c',
          kind: 'categorical',
          fill: '20',
          categories: ['10', '20', 'x'],
          center: 0,
          scale: 1,
        },
      ],
      encodedNames: ['x', 'b', 'c=10', 'c=20', 'c=x'],
      width: 5,
      target: { name: 't', task: 'classification', classes: ['a', 'b'] },
    };
    const rows = [
      { x: '1.1', b: 'Yes', c: '10.0' },
      { x: 'NA', b: 'no', c: 'N/A' },
      { x: ' 7 ', b: 'maybe', c: 'x' },
      { x: '0x10', b: '1', c: 'unseen' },
      { b: '?', c: ' 20 ' },
    ];
    writeFileSync(path.join(dir, 'preprocessing.json'), JSON.stringify(pre));
    const got = python(
      'pre = ld.load_preprocessing("preprocessing.json")\nprint(json.dumps(ld.encode_rows(pre, data).astype(float).tolist()))',
      rows,
    ) as number[][];
    expect(got).toEqual(rows.map((r) => Array.from(encodeRaw(pre, r))));
  });
});
