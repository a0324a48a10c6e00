/**
 * The app-owned parts of a project (training settings, runs) checked with the app's own schemas
 * (electron/contract/training.ts). Settings added since the file was written take their defaults,
 * and fields added to run records since take an empty value (null, else []), so growing these
 * types never needs a format migration; a bad value is still refused naming its field.
 */
import type { z } from 'zod';
import { formatPath, type Project } from '../../../engine/graph/project';
import { AppError } from '../../contract';
import { savedRunSchema, type SavedRun } from '../../contract/projects';
import {
  DEFAULT_TRAIN_SETTINGS,
  trainSettingsSchema,
  type TrainSettings,
} from '../../contract/training';

function describe(prefix: string, error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0]!;
  const keys = issue.code === 'unrecognized_keys' ? [issue.keys[0] ?? ''] : [];
  const at = formatPath([...issue.path, ...keys]);
  const path = at ? (at.startsWith('[') ? `${prefix}${at}` : `${prefix}.${at}`) : prefix;
  const last = issue.path[issue.path.length - 1];
  let msg = keys.length ? 'unknown field' : issue.message;
  if (typeof last === 'string' && msg.startsWith(`${last} `)) msg = msg.slice(last.length + 1);
  return { path, message: `${path}: ${msg}` };
}

const withDefaults = (saved: Record<string, unknown>) => ({ ...DEFAULT_TRAIN_SETTINGS, ...saved });

/** Fields the app added after a file was written are missing: try null, then [], for each. */
function parseFillingMissing<S extends z.ZodType>(
  schema: S,
  value: unknown,
): z.ZodSafeParseResult<z.output<S>> {
  let current: unknown = structuredClone(value);
  let result = schema.safeParse(current);
  const tried = new Map<string, number>();
  for (let fixes = 0; !result.success && fixes < 40; fixes++) {
    const missing = result.error.issues.find(
      (i) => i.code === 'invalid_type' && i.input === undefined && i.path.length > 0,
    );
    if (!missing) break;
    const key = missing.path.map(String).join('\u0000');
    const attempt = tried.get(key) ?? 0;
    if (attempt >= 2) break;
    tried.set(key, attempt + 1);
    current = setAt(current, missing.path, attempt === 0 ? null : []);
    result = schema.safeParse(current);
  }
  return result;
}

function setAt(root: unknown, path: readonly PropertyKey[], v: unknown): unknown {
  let o = root as Record<PropertyKey, unknown>;
  for (const k of path.slice(0, -1)) {
    const next = o[k];
    if (next === null || typeof next !== 'object') return root;
    o = next as Record<PropertyKey, unknown>;
  }
  o[path[path.length - 1]!] = v;
  return root;
}

/**
 * The document's training settings and runs in the app's types. Bad settings refuse the file
 * (AppError BAD_REQUEST naming the field); a run the app cannot read is left out with a warning.
 */
export function appParts(
  project: Project,
  file: string,
): { training: TrainSettings; runs: SavedRun[]; warnings: string[] } {
  const training = trainSettingsSchema.safeParse(withDefaults(project.training));
  if (!training.success) {
    const d = describe('training', training.error);
    throw new AppError('BAD_REQUEST', `"${file}" cannot be opened: ${d.message}.`, {
      file,
      problem: 'schema',
      field: d.path,
    });
  }
  const runs: SavedRun[] = [];
  const warnings: string[] = [];
  project.runs.forEach((run, i) => {
    const parsed = parseFillingMissing(savedRunSchema, {
      ...run,
      settings: withDefaults(run.settings),
    });
    if (parsed.success) runs.push(parsed.data);
    else {
      const d = describe(`runs[${i}]`, parsed.error);
      warnings.push(`Run "${run.runId}" was left out: ${d.message}.`);
    }
  });
  return { training: training.data, runs, warnings };
}
