/** Helpers for the dataset tests: parse + load a CSV text in one call. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTable } from '../../../../engine/data/csv/parse';
import { DEFAULT_OPTIONS, mergeOptions } from '../../../../engine/data/options';
import {
  loadTable,
  prepare,
  type LoadedTable,
  type Prepared,
} from '../../../../engine/data/pipeline';
import type { DatasetOptions } from '../../../../engine/data/types';

export const root = path.resolve(__dirname, '../../../..');

export async function load(
  text: string,
  file = 'test.csv',
  skipBadRows = false,
): Promise<LoadedTable> {
  const table = await parseTable(text, { file, skipBadRows });
  return loadTable(table, {
    id: 't1',
    name: file,
    size: text.length,
    encoding: 'utf-8',
    notes: [],
  });
}

export async function prep(
  text: string,
  patch?: Partial<DatasetOptions>,
  file = 'test.csv',
): Promise<Prepared> {
  const loaded = await load(text, file, patch?.skipBadRows ?? false);
  return prepare(loaded, mergeOptions(DEFAULT_OPTIONS, patch));
}

export function sample(name: 'iris' | 'wine'): string {
  return readFileSync(path.join(root, 'assets/datasets', `${name}.csv`), 'utf8');
}

/** A CSV text from rows of cells. */
export function csv(rows: (string | number)[][], sep = ','): string {
  return rows.map((r) => r.join(sep)).join('\n') + '\n';
}
