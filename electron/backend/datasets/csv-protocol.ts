/** Messages between the dataset service and its CSV worker threads. */
import type { Preset, RawTableData } from '../../../engine/data/csv/parts';
import type { DatasetErrorDetails } from '../../../engine/data/errors';
import type { ErrorCode } from '../../contract/errors';

/**
 * One worker's job (its workerData): the whole file (`part` null: detection, encodings and
 * checks as in-process), or bytes [start, end) of a UTF-8 file with the dialect and header
 * decided beforehand.
 */
export interface CsvJob {
  path: string;
  name: string;
  skipBadRows: boolean;
  part: { start: number; end: number; preset: Preset } | null;
}

export type CsvFailure =
  | { kind: 'dataset'; message: string; details: DatasetErrorDetails }
  | { kind: 'app'; code: ErrorCode; message: string; details: unknown }
  | { kind: 'not-utf8' }
  | { kind: 'internal'; message: string };

export type FromCsvWorker =
  | { type: 'progress'; bytes: number }
  | {
      type: 'done';
      table: RawTableData;
      encoding: 'utf-8' | 'latin-1';
      notes: string[];
      /** Line breaks and quote characters in the part's bytes (for joining the parts). */
      newlines: number;
      quotes: number;
    }
  | { type: 'failed'; failure: CsvFailure };
