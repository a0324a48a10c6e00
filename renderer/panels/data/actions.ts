/**
 * What the Data panel does, outside React: open a file (by path, dropped, or a bundled sample),
 * change options, and turn failures into words. Components only call these.
 */
import { AppError, type DatasetOptionsPatch } from '../../../electron/contract';
import type { Api } from '../../../electron/contract/client';
import { describeError } from '../../src/errors';
import { uploadFile } from '../../src/upload';
import { useDataStore } from '../../store/data';
import irisCsv from '../../../assets/datasets/iris.csv?raw';
import wineCsv from '../../../assets/datasets/wine.csv?raw';
import digitsCsv from '../../../assets/datasets/digits.csv?raw';

export const SAMPLES = [
  { name: 'iris.csv', text: irisCsv, about: '150 flowers, 4 measurements, 3 species' },
  { name: 'wine.csv', text: wineCsv, about: '178 wines, 13 measurements, 3 cultivars' },
  { name: 'digits.csv', text: digitsCsv, about: '1,797 handwritten digits, 8 × 8 pixels' },
] as const;

type Source =
  | { kind: 'path'; path: string; file: string }
  | { kind: 'upload'; file: File }
  | { kind: 'text'; name: string; text: string; encoding: 'utf-8' | 'latin-1' };

/** The last thing opened, so "Skip bad rows" can open it again with that option. */
let lastSource: Source | null = null;

function fileOf(s: Source): string {
  return s.kind === 'path' ? s.file : s.kind === 'upload' ? s.file.name : s.name;
}

/** Sends a dropped file in pieces (reading progress), then opens it on the main side. */
async function openUpload(api: Api, file: File, options?: DatasetOptionsPatch) {
  const id = await uploadFile(api, file, 'dataset', (sent, size) => {
    const current = useDataStore.getState().loading;
    if (current)
      useDataStore
        .getState()
        .setLoading({ ...current, phase: 'reading', fraction: size ? sent / size : 1 });
  });
  return api.invoke('datasets:openUpload', { id, options });
}

async function load(api: Api, source: Source, options?: DatasetOptionsPatch): Promise<void> {
  const store = useDataStore.getState();
  lastSource = source;
  store.setError(null);
  store.setLoading({ file: fileOf(source), phase: null, fraction: null });
  try {
    const summary =
      source.kind === 'path'
        ? await api.invoke('datasets:open', { path: source.path, options })
        : source.kind === 'upload'
          ? await openUpload(api, source.file, options)
          : await api.invoke('datasets:openText', {
              name: source.name,
              text: source.text,
              encoding: source.encoding,
              options,
            });
    const previous = useDataStore.getState().summary;
    store.setSummary(summary);
    if (previous) void api.invoke('datasets:close', { id: previous.id }).catch(() => undefined);
  } catch (err) {
    store.setError(errorOf(err));
  } finally {
    store.setLoading(null);
  }
}

export function openPath(api: Api, path: string, options?: DatasetOptionsPatch): Promise<void> {
  const file = path.split(/[\\/]/).pop() ?? path;
  return load(api, { kind: 'path', path, file }, options);
}

export function openSample(api: Api, name: string): Promise<void> {
  const s = SAMPLES.find((x) => x.name === name);
  if (!s) return Promise.resolve();
  return load(api, { kind: 'text', name: s.name, text: s.text, encoding: 'utf-8' });
}

/**
 * A file dropped on the window: uploaded in pieces (never one message, whatever its size) and
 * opened on the main side like a file on disk (encoding detected there).
 */
export function openDropped(api: Api, file: File): Promise<void> {
  return load(api, { kind: 'upload', file });
}

export function retrySkippingBadRows(api: Api): Promise<void> {
  return lastSource ? load(api, lastSource, { skipBadRows: true }) : Promise.resolve();
}

/** Applies an options patch (a control, or a finding's one-click fix). */
export async function configure(api: Api, patch: DatasetOptionsPatch): Promise<void> {
  const store = useDataStore.getState();
  const current = store.summary;
  if (!current) return;
  if (patch.skipBadRows !== undefined && patch.skipBadRows !== current.options.skipBadRows) {
    await (lastSource ? load(api, lastSource, { ...current.options, ...patch }) : undefined);
    return;
  }
  // Only the network's size changed: the dataset the user accepted stays accepted.
  const onlyParameters = Object.keys(patch).every((k) => k === 'parameters');
  try {
    const next = await api.invoke('datasets:configure', { id: current.id, options: patch });
    // The document may have moved on meanwhile (New, Open): an old answer must not come back.
    if (useDataStore.getState().summary?.id !== current.id) return;
    store.setSummary(next, onlyParameters);
  } catch (err) {
    store.setError(errorOf(err));
  }
}

/** Takes the test split from another file (path), or back from the split (null). */
export async function setTestFile(api: Api, path: string | null): Promise<void> {
  const store = useDataStore.getState();
  const current = store.summary;
  if (!current) return;
  store.setError(null);
  store.setLoading({
    file: path ? (path.split(/[\\/]/).pop() ?? path) : current.file.name,
    phase: null,
    fraction: null,
  });
  try {
    store.setSummary(await api.invoke('datasets:setTestFile', { id: current.id, path }));
  } catch (err) {
    store.setError(errorOf(err));
  } finally {
    store.setLoading(null);
  }
}

function errorOf(err: unknown): { message: string; canSkipBadRows: boolean } {
  const details =
    err instanceof AppError
      ? (err.details as { dataset?: boolean; problem?: string } | undefined)
      : undefined;
  if (err instanceof AppError && details?.dataset) {
    return {
      message: `This file cannot be used: ${err.message}`,
      canSkipBadRows: details.problem === 'field-count',
    };
  }
  return { message: describeError(err), canSkipBadRows: false };
}
