/**
 * `layerlab inspect FILE.csv [--target COLUMN] [--skip-bad-rows] [--json]`: what Layerlab makes
 * of a CSV file — inferred schema, column statistics, task, split and the sanity findings — as
 * text, or as one JSON object with --json. Exit code 0: usable; 1: the file cannot be used as it
 * is (unreadable, or a finding that blocks training); 2: wrong arguments.
 */
import path from 'node:path';
import type { DatasetSummary } from '../../engine/data/types';
import { DatasetStore } from '../backend/datasets/store';
import { readCsvFile } from '../backend/datasets/read';
import { terminalJson, terminalText } from './sanitize';

export interface InspectIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** The file's bytes (the real CLI passes `nodeInspectIo().readFile`). */
  readFile(path: string): Promise<Uint8Array>;
}

export const INSPECT_USAGE =
  'Usage: layerlab inspect FILE.csv [--target COLUMN] [--skip-bad-rows] [--json]\n';

/** The real file reader: size limit for the memory available, changes while reading noticed. */
export function nodeInspectIo(): InspectIo {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: (p) => readCsvFile(path.resolve(p)),
  };
}

interface Args {
  file: string;
  target: string | null;
  json: boolean;
  skipBadRows: boolean;
}

function parseArgs(argv: string[]): Args | string {
  let file: string | null = null;
  let target: string | null = null;
  let json = false;
  let skipBadRows = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--skip-bad-rows') skipBadRows = true;
    else if (a === '--target') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) return '--target needs a column name';
      target = v;
    } else if (a.startsWith('--target=')) target = a.slice('--target='.length);
    else if (a.startsWith('-')) return `unknown option "${a}"`;
    else if (file === null) file = a;
    else return `one file at a time (got "${file}" and "${a}")`;
  }
  if (file === null) return 'which CSV file?';
  return { file, target, json, skipBadRows };
}

export async function runInspect(argv: string[], io: InspectIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(INSPECT_USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`layerlab: inspect: ${terminalText(args)} (run layerlab inspect --help)\n`);
    return 2;
  }
  const name = path.basename(args.file);
  let summary: DatasetSummary;
  try {
    const bytes = await io.readFile(args.file);
    summary = await new DatasetStore().load({
      name,
      size: bytes.length,
      bytes,
      options: { target: args.target, skipBadRows: args.skipBadRows },
    });
  } catch (err) {
    const e = (err ?? {}) as { code?: string; details?: unknown };
    const message =
      e.code === 'ENOENT'
        ? `"${args.file}" does not exist.`
        : err instanceof Error
          ? err.message
          : String(err);
    if (args.json)
      io.stdout(
        terminalJson(
          { ok: false, error: { code: e.code ?? 'INTERNAL', message, details: e.details } },
          2,
        ) + '\n',
      );
    else io.stderr(`layerlab: ${terminalText(message).replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  }
  if (args.json) {
    const { preview: _preview, options: _options, ...rest } = summary;
    io.stdout(terminalJson({ ok: true, ...rest }, 2) + '\n');
  } else {
    io.stdout(terminalText(formatReport(summary)));
  }
  return summary.ready ? 0 : 1;
}

const num = (x: number) =>
  Number.isInteger(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(1) : x.toPrecision(3);

/** The human-readable report. */
export function formatReport(summary: DatasetSummary): string {
  // Names sanitized before padding, so the columns still line up.
  const s = {
    ...summary,
    columns: summary.columns.map((c) => ({ ...c, name: terminalText(c.name) })),
  };
  const f = s.file;
  const out: string[] = [];
  const delim = f.delimiter === '\t' ? 'tab' : f.delimiter;
  out.push(
    `${f.name}: ${f.rows} rows × ${f.columns} columns (${f.size} bytes, ${f.encoding}, delimiter "${delim}"${f.decimalComma ? ', decimal comma' : ''}${f.hasHeader ? '' : ', no header row'})`,
  );
  for (const n of f.notes) out.push(`  note: ${n}`);
  const t = s.target;
  if (t) {
    const classes = t.classes?.map((c, i) => `${c}: ${t.classCounts?.[i] ?? 0}`).join(', ');
    out.push(
      `Target: ${t.name} — ${t.task}${classes ? `, ${t.classes!.length} classes (${classes})` : ''}`,
    );
  }
  out.push('', 'Columns:');
  const w = Math.max(6, ...s.columns.map((c) => c.name.length));
  out.push(`  ${'column'.padEnd(w)}  ${'type'.padEnd(11)}  ${'role'.padEnd(8)}  missing  values`);
  for (const c of s.columns) {
    const values = c.stats
      ? `min ${num(c.stats.min)}  max ${num(c.stats.max)}  mean ${num(c.stats.mean)}  std ${num(c.stats.std)}`
      : (c.top
          ?.slice(0, 4)
          .map((x) => `${x.value} (${x.count})`)
          .join(', ') ?? '');
    const why = c.role === 'excluded' && c.reason ? `  [${c.reason}]` : '';
    out.push(
      `  ${c.name.padEnd(w)}  ${c.kind.padEnd(11)}  ${c.role.padEnd(8)}  ${String(c.missing + c.invalid).padStart(7)}  ${values}${why}`,
    );
  }
  out.push('', `Inputs after encoding: ${s.encoding.features} (scaling: ${s.encoding.scaling})`);
  if (s.split) {
    out.push(
      `Split (seed ${s.split.seed}): ${s.split.train} train / ${s.split.validation} validation / ${s.split.test} test${s.split.stratified ? ', stratified' : ''}`,
    );
  }
  out.push('', s.findings.length ? 'Findings:' : 'Findings: none');
  for (const x of s.findings) out.push(`  ${x.severity}: ${x.title}. ${x.detail}`);
  out.push('', s.ready ? 'Ready to train.' : 'Not ready: fix the errors above first.');
  return out.join('\n') + '\n';
}
