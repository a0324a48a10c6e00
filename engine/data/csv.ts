/**
 * A small CSV-to-matrix loader for the CLI and the bench: text in (never a path), numbers out.
 * The first row is the header. Feature columns must be numeric; the target column may hold class
 * names or numbers. Problems throw a DataError whose message names the column and row.
 */
import Papa from 'papaparse';
import { matOf, type Mat } from '../backend/backend';

export class DataError extends Error {
  override readonly name = 'DataError';
}

export interface CsvTable {
  columns: string[];
  /** Data rows (header excluded), each with columns.length cells. */
  rows: string[][];
}

export function parseCsv(text: string, what = 'CSV'): CsvTable {
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const firstError = res.errors.find((e) => e.type !== 'Delimiter');
  if (firstError)
    throw new DataError(`${what}: ${firstError.message} (row ${(firstError.row ?? 0) + 1})`);
  const [header, ...rows] = res.data;
  if (header === undefined)
    throw new DataError(`${what} is empty: it needs a header row and data rows`);
  const columns = header.map((h) => h.trim());
  if (rows.length === 0) throw new DataError(`${what} has a header but no data rows`);
  rows.forEach((r, i) => {
    if (r.length !== columns.length) {
      throw new DataError(
        `${what} row ${i + 2} has ${r.length} cells, the header has ${columns.length}`,
      );
    }
  });
  return { columns, rows };
}

export interface FeatureTable {
  features: string[];
  x: Mat;
  /** The target column's raw cells. */
  target: string[];
}

/** Splits a table into numeric features and the target column's cells. */
export function splitTarget(table: CsvTable, target: string, what = 'CSV'): FeatureTable {
  const t = table.columns.indexOf(target);
  if (t < 0)
    throw new DataError(
      `${what} has no column "${target}"; its columns are ${table.columns.join(', ')}`,
    );
  const features = table.columns.filter((_, i) => i !== t);
  if (features.length === 0)
    throw new DataError(`${what} has no feature columns besides the target "${target}"`);
  const f = features.length;
  const x = new Float32Array(table.rows.length * f);
  const targetCells: string[] = [];
  table.rows.forEach((row, r) => {
    let j = 0;
    for (let c = 0; c < row.length; c++) {
      if (c === t) continue;
      const cell = row[c]!.trim();
      const v = cell === '' ? NaN : Number(cell);
      if (!Number.isFinite(v)) {
        throw new DataError(
          `${what} row ${r + 2}, column "${table.columns[c]}": "${cell}" is not a number`,
        );
      }
      x[r * f + j++] = v;
    }
    targetCells.push(row[t]!.trim());
  });
  return { features, x: matOf(table.rows.length, f, x), target: targetCells };
}

/**
 * Class indices for target cells. Without `classes`, the distinct values sorted (numerically when
 * all are numbers) become the classes; with `classes`, unknown values are an error.
 */
export function encodeClasses(
  cells: string[],
  classes?: string[],
  what = 'CSV',
): { labels: Int32Array; classes: string[] } {
  let names = classes;
  if (names === undefined) {
    const distinct = [...new Set(cells)];
    const numeric = distinct.every((c) => c !== '' && Number.isFinite(Number(c)));
    names = numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
  }
  const index = new Map(names.map((n, i) => [n, i]));
  const labels = new Int32Array(cells.length);
  cells.forEach((c, r) => {
    const i = index.get(c);
    if (i === undefined)
      throw new DataError(
        `${what} row ${r + 2}: target value "${c}" is not one of the classes ${names.join(', ')}`,
      );
    labels[r] = i;
  });
  return { labels, classes: names };
}

/** Numeric target cells (regression). */
export function encodeNumbers(cells: string[], what = 'CSV'): Float32Array {
  return Float32Array.from(cells, (c, r) => {
    const v = c === '' ? NaN : Number(c);
    if (!Number.isFinite(v))
      throw new DataError(`${what} row ${r + 2}: target "${c}" is not a number`);
    return v;
  });
}

export interface Standardizer {
  mean: Float64Array;
  std: Float64Array;
}

/** Column means and standard deviations (population, ddof 0; a constant column gets std 1). */
export function fitStandardizer(x: Mat): Standardizer {
  const { rows, cols, data } = x;
  const mean = new Float64Array(cols);
  const std = new Float64Array(cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) mean[c] = mean[c]! + data[r * cols + c]!;
  for (let c = 0; c < cols; c++) mean[c] = mean[c]! / rows;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const d = data[r * cols + c]! - mean[c]!;
      std[c] = std[c]! + d * d;
    }
  }
  for (let c = 0; c < cols; c++) std[c] = Math.sqrt(std[c]! / rows) || 1;
  return { mean, std };
}

/** x ← (x − mean) / std, in place. */
export function applyStandardizer(x: Mat, s: Standardizer): void {
  const { rows, cols, data } = x;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++)
      data[r * cols + c] = (data[r * cols + c]! - s.mean[c]!) / s.std[c]!;
  }
}
