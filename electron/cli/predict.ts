/**
 * `layerlab predict --project P --data ROWS.csv --out PRED.csv [--on-bad-row skip|fail]`: the
 * saved model's predictions for every row of ROWS.csv, encoded exactly as training encoded its
 * rows (engine/data/predict.ts: training fills for missing cells, the training categories, the
 * training scaling). Streams: the file is read in pieces, rows are encoded and predicted in
 * batches and written as they go, so a file of millions of rows runs in bounded memory.
 *
 * Output columns: `line` (the row's line in ROWS.csv), then one probability column per class
 * and `predicted` (classification), or the target's name with the value in its own units.
 * A row that cannot be encoded (wrong number of fields, text in a number column) is reported
 * with its line and skipped, or ends the command with exit code 4 (--on-bad-row fail).
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { matOf } from '../../engine/backend/backend';
import { isMissing, parseBoolean, parseNumber } from '../../engine/data/csv/cells';
import { detectDialect } from '../../engine/data/csv/dialect';
import type { Encoder } from '../../engine/data/encode';
import { encodeRecord, type RawRecord } from '../../engine/data/predict';
import { readBytes } from '../backend/datasets/read';
import { noPositionals, oneOf, parseFlags, str } from './args';
import { CliError, dataError, EXIT, usage } from './errors';
import type { Io } from './io';
import { openModel } from './model';
import { RowReader, type CsvRow } from './rows';

export const PREDICT_USAGE = `usage: layerlab predict --project FILE.layerlab --data ROWS.csv --out PRED.csv
         [--on-bad-row skip|fail] [--json]
ROWS.csv needs a header row with the model's feature columns (others, like the target, are
ignored). Rows are encoded with the project's import settings, fitted on its training rows.`;

const FLAGS = {
  project: { type: 'string' },
  data: { type: 'string' },
  out: { type: 'string' },
  'on-bad-row': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** Bytes read at a time. */
const PIECE_BYTES = 32 * 1024;
/** Rows encoded and predicted together. */
const BATCH = 4096;
/** Bad rows listed one by one; the rest are counted. */
const LISTED = 20;

export async function runPredict(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseFlags(argv, FLAGS, 'predict');
  if (v.help) {
    io.out(PREDICT_USAGE);
    return EXIT.ok;
  }
  noPositionals(positionals);
  const project = str(v.project);
  const data = str(v.data);
  const out = str(v.out);
  if (project === undefined) throw usage('--project FILE.layerlab is required');
  if (data === undefined) throw usage('--data ROWS.csv is required');
  if (out === undefined) throw usage('--out PRED.csv is required');
  const onBad = oneOf('on-bad-row', v['on-bad-row'], ['skip', 'fail'] as const) ?? 'skip';
  const json = v.json === true;

  const { session, summary, model, trainer } = await openModel(project);
  const enc = session.store.get(summary.id).prepared.encoder!;
  const abs = path.resolve(data);
  const info = await stat(abs).catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT' ? dataError(`cannot read ${data}: no such file`) : e;
  });
  if (!info.isFile()) throw dataError(`cannot read ${data}: it is not a file`);
  const head = await readBytes(abs, 0, Math.min(info.size, 65536));
  const encoding = isUtf8(head.subarray(0, utf8Boundary(head))) ? 'utf-8' : 'windows-1252';
  const headText = new TextDecoder(encoding).decode(head);
  const dialect = detectDialect(headText.charCodeAt(0) === 0xfeff ? headText.slice(1) : headText);
  const name = path.basename(data);

  const classNames = enc.target.task === 'classification' ? enc.target.classes : null;
  const header = classNames
    ? ['line', ...classNames.map((c) => `p_${c}`), 'predicted']
    : ['line', summary.target!.name];
  const sink = createWriteStream(path.resolve(out));
  const write = async (text: string) => {
    if (!sink.write(text)) await once(sink, 'drain');
  };
  await write(header.map(csvCell).join(',') + '\n');

  const width = enc.width;
  const x = new Float32Array(BATCH * width);
  const lines = new Int32Array(BATCH);
  let filled = 0;
  let written = 0;
  let bad = 0;
  // Predicted batches waiting to be written (at most one or two per piece of text).
  const pending: string[] = [];
  const predictBatch = () => {
    if (filled === 0) return;
    const pred = trainer.predict(matOf(filled, width, x.subarray(0, filled * width)));
    pending.push(formatRows(pred.data, filled, lines, model.spec.loss, enc));
    written += filled;
    filled = 0;
  };

  let columns: number[] | null = null;
  let fields = 0;
  const record: RawRecord = {};
  const onRow = (row: CsvRow) => {
    if (columns === null) {
      columns = featureColumns(row, enc, name);
      fields = row.cells.length;
      return;
    }
    const problem = rowProblem(row, fields, columns, enc, dialect.decimalComma, record);
    if (problem !== null) {
      bad++;
      const message = `${name} line ${row.line}: ${problem}`;
      if (onBad === 'fail') throw new CliError(`${message} (--on-bad-row fail)`, EXIT.badRow);
      if (bad <= LISTED) {
        if (json) io.json({ event: 'bad_row', line: row.line, message: problem });
        else io.err(`layerlab: skipped ${message}`);
      }
      return;
    }
    x.set(encodeRecord(enc, record, dialect.decimalComma), filled * width);
    lines[filled++] = row.line;
    if (filled === BATCH) predictBatch();
  };
  const reader = new RowReader(dialect.delimiter, onRow);
  try {
    for await (const piece of textPieces(abs, encoding)) {
      reader.push(piece);
      while (pending.length) await write(pending.shift()!);
    }
    reader.end();
    if (columns === null) throw dataError(`${name} is empty: it has no header row`);
    predictBatch();
    while (pending.length) await write(pending.shift()!);
  } finally {
    sink.end();
    await once(sink, 'close').catch(() => undefined);
  }
  if (json) io.json({ event: 'done', rows: written, skipped: bad, out });
  else
    io.out(
      `predicted ${written} rows into ${out}${bad ? `; skipped ${bad} bad rows${bad > LISTED ? ` (first ${LISTED} listed)` : ''}` : ''}`,
    );
  return EXIT.ok;
}

/**
 * The file as text in small pieces: small strings die young in the garbage collector, where
 * big ones would pile up until a full collection (the peak memory is what this keeps low).
 */
async function* textPieces(abs: string, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const bytes of createReadStream(abs, { highWaterMark: PIECE_BYTES })) {
    yield decoder.decode(bytes as Buffer, { stream: true });
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

/** Bytes up to the last whole UTF-8 character (the head may cut one in half). */
function utf8Boundary(b: Uint8Array): number {
  let end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const c = b[end - k]!;
    if ((c & 0xc0) === 0x80) continue;
    if (c >= 0xc0) end -= k;
    break;
  }
  return end;
}

/** Positions of the model's feature columns in the file's header. */
function featureColumns(row: CsvRow, enc: Encoder, file: string): number[] {
  const at = new Map(row.cells.map((c, i) => [c.trim(), i]));
  const missing = enc.features.filter((f) => !at.has(f.name)).map((f) => `"${f.name}"`);
  if (missing.length)
    throw dataError(
      `${file} has no column ${missing.join(', ')}: its header needs the model's features (${enc.features.map((f) => f.name).join(', ')})`,
    );
  return enc.features.map((f) => at.get(f.name)!);
}

/** Why a row cannot be encoded, or null (then `record` holds its feature cells). */
function rowProblem(
  row: CsvRow,
  fields: number,
  columns: number[],
  enc: Encoder,
  decimalComma: boolean,
  record: RawRecord,
): string | null {
  if (row.cells.length !== fields)
    return `${row.cells.length} fields, but the header has ${fields}`;
  for (let f = 0; f < columns.length; f++) {
    const feat = enc.features[f]!;
    const raw = row.cells[columns[f]!]!;
    record[feat.name] = raw;
    if (feat.index) continue;
    const cell = raw.trim();
    if (isMissing(cell)) continue;
    if (
      Number.isNaN(parseNumber(cell, decimalComma)) &&
      (feat.kind !== 'boolean' || Number.isNaN(parseBoolean(cell)))
    )
      return `${feat.name} "${cell}" is not a number`;
  }
  return null;
}

/** One output line per row: probabilities and the predicted class, or the value in units. */
function formatRows(
  out: Float32Array,
  n: number,
  lines: Int32Array,
  loss: string,
  enc: Encoder,
): string {
  const t = enc.target;
  let text = '';
  const k = out.length / n;
  for (let r = 0; r < n; r++) {
    text += lines[r];
    if (t.task === 'regression') {
      text += `,${out[r * k]! * t.std + t.mean}\n`;
      continue;
    }
    const p =
      loss === 'bce' && k === 1
        ? [1 - out[r]!, out[r]!]
        : Array.from(out.subarray(r * k, (r + 1) * k));
    let best = 0;
    for (let c = 0; c < p.length; c++) {
      text += `,${p[c]}`;
      if (p[c]! > p[best]!) best = c;
    }
    text += `,${csvCell(t.classes[best] ?? String(best))}\n`;
  }
  return text;
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
