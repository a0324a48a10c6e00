import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/contract';
import type { Api } from '../../../../electron/contract/client';
import type { Recoverable } from '../../../../electron/contract/projects';
import { useRecoveryStore } from '../../../../renderer/store/recovery';

/** A backend holding `n` autosaves; keys in `failing` cannot be discarded. */
function fakeApi(n: number, failing: string[] = []) {
  const saved = new Map<string, Recoverable>();
  for (let i = 0; i < n; i++) {
    const key = `doc-${String(i).padStart(4, '0')}`;
    saved.set(key, { key, title: `draft ${i}`, path: null, savedAt: 1000 + i, size: 10 });
  }
  const api = {
    async invoke(channel: string, req: { key?: string }) {
      if (channel === 'projects:recoverable') return { items: [...saved.values()] };
      if (channel === 'projects:discardRecovery') {
        if (failing.includes(req.key!)) throw new AppError('IO_ERROR', 'Permission denied.');
        return { discarded: saved.delete(req.key!) };
      }
      throw new Error(`unexpected ${channel}`);
    },
    on: () => () => undefined,
  } as unknown as Api;
  return { api, saved };
}

beforeEach(() => useRecoveryStore.getState().close());

describe('the recovery offer', () => {
  it('discards all 20 autosaves at once after the confirmation, leaving nothing to offer', async () => {
    const { api, saved } = fakeApi(20);
    const s = useRecoveryStore.getState;
    await s().load(api);
    expect(s().items).toHaveLength(20);
    s().askDiscardAll(true);
    expect(s().confirmingDiscardAll).toBe(true);
    await s().discardAll(api);
    expect(s().items).toEqual([]);
    expect(saved.size).toBe(0);
    // The next start offers nothing either.
    await s().load(api);
    expect(s().items).toEqual([]);
  });

  it('keeps listing the autosaves that could not be discarded, with the reason', async () => {
    const { api, saved } = fakeApi(5, ['doc-0002']);
    const s = useRecoveryStore.getState;
    await s().load(api);
    await s().discardAll(api);
    expect(s().items.map((x) => x.key)).toEqual(['doc-0002']);
    expect(s().error).toMatch(/1 of the documents could not be discarded.*Permission denied/);
    expect([...saved.keys()]).toEqual(['doc-0002']);
  });

  it('discards one autosave and keeps the others', async () => {
    const { api, saved } = fakeApi(3);
    const s = useRecoveryStore.getState;
    await s().load(api);
    await s().discard(api, 'doc-0001');
    expect(s().items.map((x) => x.key)).toEqual(['doc-0000', 'doc-0002']);
    expect(saved.has('doc-0001')).toBe(false);
  });
});
