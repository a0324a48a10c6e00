/**
 * Where commands read and write. Every line goes through the terminal-safe helpers
 * (./sanitize.ts). A closed stdout pipe (`layerlab … | head`) ends the command quietly with
 * exit code 0: the reader has all it wanted.
 */
import path from 'node:path';
import { readCsvFile } from '../backend/datasets/read';
import { terminalJson, terminalText } from './sanitize';

export interface Io {
  /** A line of text output (sanitized). */
  out(line: string): void;
  /** A JSON line (C1 controls escaped). */
  json(value: unknown): void;
  /** A line on stderr (sanitized). */
  err(line: string): void;
  /** A CSV file's bytes (size limit for the memory available). */
  readCsv(file: string): Promise<Uint8Array>;
}

export function nodeIo(): Io {
  const write = (line: string) => {
    process.stdout.write(line + '\n');
  };
  return {
    out: (line) => write(terminalText(line)),
    json: (value) => write(terminalJson(value)),
    err: (line) => void process.stderr.write(terminalText(line) + '\n'),
    readCsv: (file) => readCsvFile(path.resolve(file)),
  };
}

/** Exit 0 without a trace when stdout's reader goes away (EPIPE), for every command. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}
