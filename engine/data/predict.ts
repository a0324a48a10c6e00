/**
 * Encoding one new record at prediction time (a row typed by the user or read from another
 * file) with an encoder fitted on the training split: missing values take the training fill,
 * a category never seen in training encodes as all zeros, numbers are scaled the same way.
 */
import { isMissing, parseBoolean, parseNumber } from './csv/cells';
import type { Encoder } from './encode';

/** Cells by column name, as text (as they would appear in the CSV file). */
export type RawRecord = Record<string, string | undefined>;

export function encodeRecord(enc: Encoder, record: RawRecord, decimalComma = false): Float32Array {
  const x = new Float32Array(enc.width);
  let off = 0;
  for (const feat of enc.features) {
    const raw = (record[feat.name] ?? '').trim();
    const missing = isMissing(raw);
    if (feat.index) {
      const j = feat.index.get(missing ? (feat.fill as string) : canonical(raw, decimalComma));
      if (j !== undefined) x[off + j] = 1;
      off += feat.categories!.length;
      continue;
    }
    let v = missing ? NaN : parseNumber(raw, decimalComma);
    if (v !== v && feat.kind === 'boolean' && !missing) v = parseBoolean(raw);
    x[off++] = ((v === v ? v : (feat.fill as number)) - feat.center) / feat.scale;
  }
  return x;
}

/** A category key as the table stores it: numbers in their shortest form ("1.50" → "1.5"). */
export function canonical(raw: string, decimalComma: boolean): string {
  const v = parseNumber(raw, decimalComma);
  return v === v ? String(v) : raw;
}
