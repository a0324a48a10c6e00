/**
 * A CSV file on disk → table, in one sequential pass: the text encoding from the first bytes
 * (UTF-16 only with a byte order mark), UTF-8 otherwise, and Latin-1 when the bytes turn out
 * not to be UTF-8 (said in a note). Runs in the CSV worker, or in-process for small files.
 */
import { parseStream, type ParseOptions, type RawTable } from '../../../engine/data/csv/parse';
import { latin1Note, sniffBytes, utf16Note } from './decode';
import { NotUtf8Error, type CsvFileStream } from './read';

export interface ParsedFile {
  table: RawTable;
  encoding: 'utf-8' | 'latin-1';
  notes: string[];
  /** Threads whose parts made the table (0: parsed in-process). */
  threads?: number;
}

export async function parseFile(file: CsvFileStream, opts: ParseOptions): Promise<ParsedFile> {
  const label = sniffBytes(file.head, file.name);
  const notes = label === 'utf-8' ? [] : [utf16Note(file.name, label)];
  try {
    return { table: await parseStream(file.text(label), opts), encoding: 'utf-8', notes };
  } catch (err) {
    if (!(err instanceof NotUtf8Error)) throw err;
    const table = await parseStream(file.text('windows-1252'), opts);
    return { table, encoding: 'latin-1', notes: [latin1Note(file.name, err.line)] };
  }
}
