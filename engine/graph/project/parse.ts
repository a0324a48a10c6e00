/**
 * Opening and writing project documents: `parseProject` (defensive: size, JSON syntax with line
 * and column, hostile keys, nesting, version and migration, schema errors naming the field,
 * graph integrity, weights against the graph's shapes) and `serializeProject` (deterministic:
 * the same document always gives the same bytes). Nothing in a file is ever executed.
 */
import type { z } from 'zod';
import type { ModelSpec } from '../../train/spec';
import { base64Size } from './bytes';
import { parseJsonSafely } from './json';
import {
  MAX_PROJECT_BYTES,
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  projectSchema,
  type Project,
} from './schema';
import { checkWeights } from './weights';

export type ProjectErrorCode =
  | 'too_large'
  | 'syntax'
  | 'forbidden_key'
  | 'too_deep'
  | 'not_a_project'
  | 'newer_version'
  | 'bad_version'
  | 'schema'
  | 'graph'
  | 'dataset'
  | 'weights';

export interface ParseOptions {
  /** Refuse longer texts (default MAX_PROJECT_BYTES). */
  maxBytes?: number;
  /** This app's version, for the "written by a newer Layerlab" warning. */
  appVersion?: string;
}

export type ParseResult =
  | {
      ok: true;
      project: Project;
      /** Decoded weights in the network's params order, with the spec they fit; null when none. */
      weights: { spec: ModelSpec; arrays: Float32Array[] } | null;
      warnings: string[];
    }
  | { ok: false; code: ProjectErrorCode; message: string; path?: string };

type Failure = Extract<ParseResult, { ok: false }>;

// ---------------------------------------------------------------------------------------------
// Migration
// ---------------------------------------------------------------------------------------------

/** Steps that turn a document of version N into version N + 1, keyed by N. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 runs did not record their network or training data: "not recorded".
  1: (doc) => ({
    ...doc,
    formatVersion: 2,
    runs: Array.isArray(doc.runs)
      ? doc.runs.map((r: unknown) =>
          r !== null && typeof r === 'object' && !Array.isArray(r)
            ? { ...r, graph: null, datasetHash: null }
            : r,
        )
      : doc.runs,
  }),
  // Version 2 projects had no sweeps.
  2: (doc) => ({ ...doc, formatVersion: 3, sweeps: [] }),
};

export type MigrateResult = { ok: true; value: Record<string, unknown>; from: number } | Failure;

/** Brings a raw (JSON-parsed, not yet schema-checked) document forward to the current version. */
export function migrate(raw: unknown): MigrateResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      code: 'not_a_project',
      message: 'This is not a Layerlab project file (it is not a JSON object).',
    };
  }
  let doc = raw as Record<string, unknown>;
  if (doc.format !== PROJECT_FORMAT) {
    return {
      ok: false,
      code: 'not_a_project',
      path: 'format',
      message: `This is not a Layerlab project file (format: expected "${PROJECT_FORMAT}").`,
    };
  }
  const version = doc.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      code: 'bad_version',
      path: 'formatVersion',
      message: 'formatVersion: must be a whole number of at least 1.',
    };
  }
  if (version > PROJECT_FORMAT_VERSION) {
    const app = doc.app as { version?: unknown } | undefined;
    const by = typeof app?.version === 'string' ? ` (Layerlab ${app.version.slice(0, 40)})` : '';
    return {
      ok: false,
      code: 'newer_version',
      path: 'formatVersion',
      message: `This project was made by a newer Layerlab${by}: it uses format version ${version}, and this Layerlab reads versions up to ${PROJECT_FORMAT_VERSION}. Update Layerlab to open it.`,
    };
  }
  for (let v = version; v < PROJECT_FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) {
      return {
        ok: false,
        code: 'bad_version',
        path: 'formatVersion',
        message: `formatVersion: no way to upgrade version ${v}.`,
      };
    }
    doc = step(doc);
  }
  return { ok: true, value: doc, from: version };
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

export function parseProject(text: string, opts: ParseOptions = {}): ParseResult {
  const max = opts.maxBytes ?? MAX_PROJECT_BYTES;
  if (text.length > max) {
    return {
      ok: false,
      code: 'too_large',
      message: `The file is ${text.length} characters long; the limit is ${max}.`,
    };
  }
  const json = parseJsonSafely(text);
  if (!json.ok) {
    const p = json.problem;
    return p.code === 'syntax'
      ? { ok: false, code: 'syntax', message: p.message }
      : { ok: false, code: p.code, message: p.message, path: p.path };
  }
  const migrated = migrate(json.value);
  if (!migrated.ok) return migrated;
  const parsed = projectSchema.safeParse(migrated.value);
  if (!parsed.success) return schemaFailure(parsed.error);
  const project = parsed.data;
  const integrity = checkGraph(project) ?? checkDataset(project);
  if (integrity) return integrity;
  let weights: { spec: ModelSpec; arrays: Float32Array[] } | null = null;
  if (project.weights) {
    const w = checkWeights(project.graph, project.weights);
    if (!w.ok) return { ok: false, code: 'weights', message: w.message, path: w.path };
    weights = { spec: w.spec, arrays: w.arrays };
  }
  const warnings: string[] = [];
  if (migrated.from !== PROJECT_FORMAT_VERSION) {
    warnings.push(
      `The project was upgraded from format version ${migrated.from}; saving writes version ${PROJECT_FORMAT_VERSION}.`,
    );
  }
  if (opts.appVersion && newerVersion(project.app.version, opts.appVersion)) {
    warnings.push(
      `The project was saved by Layerlab ${project.app.version}, newer than this one (${opts.appVersion}).`,
    );
  }
  return { ok: true, project, weights, warnings };
}

/** "graph.nodes[2].params.units" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function schemaFailure(error: z.ZodError): Failure {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    const at = formatPath([...issue.path, issue.keys[0]]);
    return { ok: false, code: 'schema', path: at, message: `${at}: unknown field.` };
  }
  const at = formatPath(issue.path);
  const last = issue.path[issue.path.length - 1];
  let message = issue.message;
  // "units must be at least 1" at graph.nodes[2].params.units reads "…units: must be at least 1".
  if (typeof last === 'string' && message.startsWith(`${last} `))
    message = message.slice(last.length + 1);
  const more =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})`
      : '';
  return {
    ok: false,
    code: 'schema',
    path: at,
    message: `${at || 'the file'}: ${message}${more}.`.replace(/\.\.$/, '.'),
  };
}

/** The canvas graph, and each run's recorded network, must be whole: unique ids, real ends. */
function checkGraph(project: Project): Failure | null {
  let failure = checkEdges(project.graph, 'graph');
  for (const [i, run] of project.runs.entries()) {
    if (!failure && run.graph) failure = checkEdges(run.graph, `runs[${i}].graph`);
  }
  return failure;
}

function checkEdges(
  graph: { nodes: readonly { id: string }[]; edges: Project['graph']['edges'] },
  at: string,
): Failure | null {
  const ids = new Set<string>();
  for (const [i, n] of graph.nodes.entries()) {
    if (ids.has(n.id))
      return graphFailure(`${at}.nodes[${i}].id`, `the node id "${n.id}" is used twice`);
    ids.add(n.id);
  }
  const edgeIds = new Set<string>();
  for (const [i, e] of graph.edges.entries()) {
    if (edgeIds.has(e.id))
      return graphFailure(`${at}.edges[${i}].id`, `the edge id "${e.id}" is used twice`);
    edgeIds.add(e.id);
    if (!ids.has(e.source))
      return graphFailure(`${at}.edges[${i}].source`, `there is no node "${e.source}"`);
    if (!ids.has(e.target))
      return graphFailure(`${at}.edges[${i}].target`, `there is no node "${e.target}"`);
  }
  return null;
}

function graphFailure(path: string, what: string): Failure {
  return { ok: false, code: 'graph', path, message: `${path}: ${what}.` };
}

function checkDataset(project: Project): Failure | null {
  const src = project.dataset?.source;
  if (
    src?.kind === 'embedded' &&
    src.compression === 'none' &&
    base64Size(src.data) !== src.bytes
  ) {
    return {
      ok: false,
      code: 'dataset',
      path: 'dataset.source.data',
      message: `dataset.source.data: holds ${base64Size(src.data)} bytes, but dataset.source.bytes says ${src.bytes}.`,
    };
  }
  return null;
}

/** True when semantic version `a` (x.y.z) is above `b`; non-numeric versions ("dev") never are. */
function newerVersion(a: string, b: string): boolean {
  const pa = /^(\d+)\.(\d+)\.(\d+)/.exec(a);
  const pb = /^(\d+)\.(\d+)\.(\d+)/.exec(b);
  if (!pa || !pb) return false;
  for (let i = 1; i <= 3; i++) {
    const d = Number(pa[i]) - Number(pb[i]);
    if (d !== 0) return d > 0;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Serializing
// ---------------------------------------------------------------------------------------------

const TOP_ORDER = [
  'format',
  'formatVersion',
  'app',
  'graph',
  'dataset',
  'training',
  'runs',
  'weights',
];

/**
 * The document as JSON text: 2-space indentation, arrays of plain values on one line, object keys
 * sorted (the top level in a fixed reading order), a final newline. Deterministic, so
 * save → open → save gives the same bytes.
 */
export function serializeProject(project: Project): string {
  return write(project, '', true) + '\n';
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function write(value: unknown, indent: string, top = false): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) {
      return `[${value.map((v) => JSON.stringify(v ?? null)).join(', ')}]`;
    }
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
  keys.sort(top ? (a, b) => rank(a) - rank(b) || compareKeys(a, b) : compareKeys);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(obj[k], inner)}`).join(',\n')}\n${indent}}`;
}

function rank(key: string): number {
  const i = TOP_ORDER.indexOf(key);
  return i < 0 ? TOP_ORDER.length : i;
}
