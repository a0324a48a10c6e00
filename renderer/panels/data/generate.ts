/** Data ▸ Generate…: a built-in 2-D dataset made on the main side and loaded like a CSV file. */
import type { RequestOf } from '../../../electron/contract';
import type { Api } from '../../../electron/contract/client';
import { describeError } from '../../src/errors';
import { useDataStore } from '../../store/data';

export type GenerateRequest = RequestOf<'datasets:generate'>;

export const GENERATE_CHOICES: { kind: GenerateRequest['kind']; label: string }[] = [
  { kind: 'circles', label: 'Circles — a disc inside a ring (2 classes)' },
  { kind: 'xor', label: 'XOR — opposite quadrants alike (2 classes)' },
  { kind: 'gaussians', label: 'Two gaussians — overlapping clouds (2 classes)' },
  { kind: 'spiral', label: 'Spiral — two interleaved arms (2 classes)' },
  { kind: 'plane', label: 'Plane — regression, y = 0.6·x1 − 0.4·x2' },
  { kind: 'bump', label: 'Bump — regression, a Gaussian bump' },
];

export async function generateDataset(api: Api, req: GenerateRequest): Promise<void> {
  const store = useDataStore.getState();
  store.setError(null);
  store.setLoading({ file: `${req.kind} (generated)`, phase: null, fraction: null });
  try {
    const summary = await api.invoke('datasets:generate', req);
    const previous = useDataStore.getState().summary;
    store.setSummary(summary);
    if (previous) void api.invoke('datasets:close', { id: previous.id }).catch(() => undefined);
  } catch (err) {
    store.setError({ message: describeError(err), canSkipBadRows: false });
  } finally {
    store.setLoading(null);
  }
}
