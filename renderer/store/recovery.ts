/**
 * The recovery offer at start: documents an earlier session autosaved but never saved. Each can
 * be recovered or discarded, or all of them discarded at once (after a confirmation).
 */
import { create } from 'zustand';
import type { Api } from '../../electron/contract/client';
import type { OpenedProject, Recoverable } from '../../electron/contract/projects';
import { describeError } from '../src/errors';

interface RecoveryState {
  items: Recoverable[];
  error: string | null;
  /** "Discard all" was pressed and waits for the confirmation. */
  confirmingDiscardAll: boolean;
  busy: boolean;
  load(api: Api): Promise<void>;
  /** The recovered document, for the caller to apply; null when it failed (see `error`). */
  recover(api: Api, key: string): Promise<OpenedProject | null>;
  discard(api: Api, key: string): Promise<void>;
  askDiscardAll(ask: boolean): void;
  /** Discards every listed document; the ones that fail stay listed, with the error. */
  discardAll(api: Api): Promise<void>;
  /** "Not now": the autosaves stay for the next start. */
  close(): void;
}

const initial = { items: [], error: null, confirmingDiscardAll: false, busy: false };

export const useRecoveryStore = create<RecoveryState>()((set, get) => ({
  ...initial,
  async load(api) {
    try {
      const { items } = await api.invoke('projects:recoverable', {});
      set({ ...initial, items });
    } catch {
      // Nothing to offer when the list cannot be read; the autosaves stay on disk.
      set({ ...initial });
    }
  },
  async recover(api, key) {
    try {
      const opened = await api.invoke('projects:recover', { key });
      set({ ...initial });
      return opened;
    } catch (err) {
      set({ error: describeError(err) });
      return null;
    }
  },
  async discard(api, key) {
    try {
      await api.invoke('projects:discardRecovery', { key });
    } catch {
      /* already gone, or unreadable: it is not offered again this session either way */
    }
    set((s) => ({ items: s.items.filter((x) => x.key !== key) }));
  },
  askDiscardAll(ask) {
    set({ confirmingDiscardAll: ask });
  },
  async discardAll(api) {
    set({ busy: true, confirmingDiscardAll: false, error: null });
    const failed: Recoverable[] = [];
    let firstError: unknown = null;
    // One at a time: the backend updates its recovery index for each.
    for (const item of get().items) {
      try {
        await api.invoke('projects:discardRecovery', { key: item.key });
      } catch (err) {
        failed.push(item);
        firstError ??= err;
      }
    }
    set({
      items: failed,
      busy: false,
      error: failed.length
        ? `${failed.length} of the documents could not be discarded. ${describeError(firstError)}`
        : null,
    });
  },
  close() {
    set({ ...initial });
  },
}));
