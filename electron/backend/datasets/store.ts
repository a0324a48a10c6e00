/**
 * Loaded datasets, kept on the main side: the parsed table, the current options and what
 * `prepare` made of them (encoder, splits). The renderer only ever sees `summary`; training
 * (and anything else main-side) gets the encoded rows through `encodeSplit`.
 */
import { parseTable } from '../../../engine/data/csv/parse';
import { encodeRows, type Encoded } from '../../../engine/data/encode';
import { DatasetError } from '../../../engine/data/errors';
import { DEFAULT_OPTIONS, mergeOptions } from '../../../engine/data/options';
import {
  loadTable,
  prepareAsync,
  type LoadedTable,
  type Prepared,
} from '../../../engine/data/pipeline';
import type { DatasetOptions, DatasetSummary } from '../../../engine/data/types';
import { AppError } from '../../contract';
import { decodeCsvBytes } from './decode';
import { parseInWorkers, type CsvWorkers } from './parallel';
import { parseFile, type ParsedFile } from './parse-file';
import type { CsvFileStream } from './read';

export interface Entry {
  loaded: LoadedTable;
  /** A separate test file, when the user chose one. */
  test: LoadedTable | null;
  options: DatasetOptions;
  prepared: Prepared;
}

export interface LoadRequest {
  name: string;
  size: number;
  bytes?: Uint8Array;
  /** A file opened for streaming (the app's way for files on disk). */
  file?: CsvFileStream;
  text?: string;
  /** How `text` was decoded by whoever read the bytes. */
  textEncoding?: 'utf-8' | 'latin-1' | undefined;
  options?: Partial<DatasetOptions> | undefined;
  onProgress?(phase: 'parsing' | 'analysing', fraction: number): void;
}

/** Lets the event loop run (other requests, progress events) between stretches of work. */
const breathe = () => new Promise<void>((r) => setImmediate(r));

/** Datasets kept loaded: the current one, the one it replaced (training may still use it), one more. */
const KEEP = 3;

/** Files from this size on are parsed in worker threads (when a worker script is given). */
const WORKER_MIN_BYTES = 1024 * 1024;

export interface StoreOptions {
  /** CSV worker threads for files on disk; without them files parse in-process. */
  workers?: CsvWorkers;
  /** Told how each file was parsed: in how many threads (0: in-process). Tests and the bench. */
  onParsed?(info: { file: string; threads: number }): void;
}

export class DatasetStore {
  private readonly entries = new Map<string, Entry>();
  private next = 1;

  constructor(private readonly opts: StoreOptions = {}) {}

  async load(req: LoadRequest): Promise<DatasetSummary> {
    try {
      const options = mergeOptions(DEFAULT_OPTIONS, req.options);
      const { table, encoding, notes, threads } = await this.parse(req, options.skipBadRows);
      this.opts.onParsed?.({ file: req.name, threads: threads ?? 0 });
      req.onProgress?.('analysing', 0);
      const id = `ds${this.next++}`;
      const loaded = loadTable(table, {
        id,
        name: req.name,
        size: req.size,
        encoding,
        notes,
      });
      const prepared = await prepareAsync(loaded, options, breathe);
      const entry: Entry = { loaded, test: null, options, prepared };
      this.entries.set(id, entry);
      while (this.entries.size > KEEP) this.entries.delete(this.entries.keys().next().value!);
      req.onProgress?.('analysing', 1);
      return entry.prepared.summary;
    } catch (err) {
      throw asAppError(err);
    }
  }

  /** Text from a streamed file, bytes or a string → table (with how the text was decoded). */
  private async parse(req: LoadRequest, skipBadRows: boolean): Promise<ParsedFile> {
    const opts = {
      file: req.name,
      skipBadRows,
      onProgress: (f: number) => req.onProgress?.('parsing', f),
      // Let the event loop breathe on big files: other requests and progress events go out.
      yieldTo: breathe,
    };
    if (req.file) {
      const { workers } = this.opts;
      if (workers && req.file.size >= (workers.minBytes ?? WORKER_MIN_BYTES))
        return parseInWorkers(req.file, workers, { skipBadRows, onProgress: opts.onProgress });
      return parseFile(req.file, opts);
    }
    const decoded = req.bytes
      ? decodeCsvBytes(req.bytes, req.name)
      : {
          text: req.text ?? '',
          encoding: req.textEncoding ?? ('utf-8' as const),
          notes:
            req.textEncoding === 'latin-1'
              ? [`"${req.name}" is not valid UTF-8, so it was read as Latin-1 (Windows-1252).`]
              : [],
        };
    delete req.bytes; // the text is all we need now; let a big buffer go
    const table = await parseTable(decoded.text, opts);
    return { table, encoding: decoded.encoding, notes: decoded.notes };
  }

  async configure(id: string, patch: Partial<DatasetOptions>): Promise<DatasetSummary> {
    const entry = this.get(id);
    try {
      const options = mergeOptions(entry.options, patch);
      if (options.skipBadRows !== entry.options.skipBadRows)
        throw new AppError('BAD_REQUEST', 'Skipping bad rows needs the file to be opened again.');
      entry.prepared = await prepareAsync(entry.loaded, options, breathe, entry.test);
      entry.options = options;
      return entry.prepared.summary;
    } catch (err) {
      throw asAppError(err);
    }
  }

  /** Takes the test split from another file (null: back to the split of this file). */
  async setTestFile(id: string, req: LoadRequest | null): Promise<DatasetSummary> {
    const entry = this.get(id);
    try {
      let test: LoadedTable | null = null;
      if (req) {
        const { table, encoding, notes } = await this.parse(req, entry.options.skipBadRows);
        test = loadTable(table, {
          id: `${id}-test`,
          name: req.name,
          size: req.size,
          encoding,
          notes,
        });
      }
      // Prepared first: a test file whose columns do not match is refused, the old one kept.
      entry.prepared = await prepareAsync(entry.loaded, entry.options, breathe, test);
      entry.test = test;
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
    if (split === 'test' && prepared.test)
      return encodeRows(prepared.test.encoder, prepared.test.rows);
    return encodeRows(prepared.encoder, prepared.splits[split]);
  }
}

/** Data problems cross IPC as BAD_REQUEST with the facts (file, line, column) in details. */
export function asAppError(err: unknown): unknown {
  if (err instanceof DatasetError)
    return new AppError('BAD_REQUEST', err.message, { ...err.details, dataset: true });
  return err;
}
