/**
 * Loaded datasets, kept on the main side: the parsed table, the current options and what
 * `prepare` made of them (encoder, splits). The renderer only ever sees `summary`; training
 * (and anything else main-side) gets the encoded rows through `encodeSplit`.
 */
import { parseTable } from '../../../engine/data/csv/parse';
import { encodeRows, type Encoded } from '../../../engine/data/encode';
import { DatasetError } from '../../../engine/data/errors';
import { DEFAULT_OPTIONS, mergeOptions } from '../../../engine/data/options';
import { loadTable, prepare, type LoadedTable, type Prepared } from '../../../engine/data/pipeline';
import type { DatasetOptions, DatasetSummary } from '../../../engine/data/types';
import { AppError } from '../../contract';
import { decodeCsvBytes } from './decode';

export interface Entry {
  loaded: LoadedTable;
  options: DatasetOptions;
  prepared: Prepared;
}

export interface LoadRequest {
  name: string;
  size: number;
  bytes?: Uint8Array;
  text?: string;
  /** How `text` was decoded by whoever read the bytes. */
  textEncoding?: 'utf-8' | 'latin-1' | undefined;
  options?: Partial<DatasetOptions> | undefined;
  onProgress?(phase: 'parsing' | 'analysing', fraction: number): void;
}

/** How many datasets stay loaded (a training file and a separate test file, plus one). */
const KEEP = 3;

export class DatasetStore {
  private readonly entries = new Map<string, Entry>();
  private next = 1;

  async load(req: LoadRequest): Promise<DatasetSummary> {
    try {
      const decoded = req.bytes
        ? decodeCsvBytes(req.bytes, req.name)
        : {
            text: req.text ?? '',
            encoding: req.textEncoding ?? 'utf-8',
            notes:
              req.textEncoding === 'latin-1'
                ? [`"${req.name}" is not valid UTF-8, so it was read as Latin-1 (Windows-1252).`]
                : [],
          };
      const options = mergeOptions(DEFAULT_OPTIONS, req.options);
      const table = await parseTable(decoded.text, {
        file: req.name,
        skipBadRows: options.skipBadRows,
        onProgress: (f) => req.onProgress?.('parsing', f),
        // Let the event loop breathe on big files: other requests and progress events go out.
        yieldTo: () => new Promise<void>((r) => setImmediate(r)),
      });
      req.onProgress?.('analysing', 0);
      const id = `ds${this.next++}`;
      const loaded = loadTable(table, {
        id,
        name: req.name,
        size: req.size,
        encoding: decoded.encoding,
        notes: decoded.notes,
      });
      const entry: Entry = { loaded, options, prepared: prepare(loaded, options) };
      this.entries.set(id, entry);
      while (this.entries.size > KEEP) this.entries.delete(this.entries.keys().next().value!);
      req.onProgress?.('analysing', 1);
      return entry.prepared.summary;
    } catch (err) {
      throw asAppError(err);
    }
  }

  configure(id: string, patch: Partial<DatasetOptions>): DatasetSummary {
    const entry = this.get(id);
    try {
      const options = mergeOptions(entry.options, patch);
      if (options.skipBadRows !== entry.options.skipBadRows)
        throw new AppError('BAD_REQUEST', 'Skipping bad rows needs the file to be opened again.');
      entry.prepared = prepare(entry.loaded, options);
      entry.options = options;
      return entry.prepared.summary;
    } catch (err) {
      throw asAppError(err);
    }
  }

  close(id: string): boolean {
    return this.entries.delete(id);
  }

  get(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry)
      throw new AppError('NOT_FOUND', 'That dataset is no longer loaded; open the file again.', {
        id,
      });
    return entry;
  }

  /** The encoded rows of one split, for training on the main side. */
  encodeSplit(id: string, split: 'train' | 'validation' | 'test'): Encoded {
    const { prepared } = this.get(id);
    if (!prepared.encoder || !prepared.splits)
      throw new AppError('BAD_REQUEST', 'The dataset has problems to fix before it can be used.');
    return encodeRows(prepared.encoder, prepared.splits[split]);
  }
}

/** Data problems cross IPC as BAD_REQUEST with the facts (file, line, column) in details. */
export function asAppError(err: unknown): unknown {
  if (err instanceof DatasetError)
    return new AppError('BAD_REQUEST', err.message, { ...err.details, dataset: true });
  return err;
}
