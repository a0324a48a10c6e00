/** UI state that is not part of the document: theme, notices, the in-app file picker. */
import { create } from 'zustand';
import type { FileFilter } from '../../electron/contract';
import { addNotice, lifetime, type Notice, type NoticeAction } from './noticeQueue';

export type { Notice, NoticeAction };

export interface PickerRequest {
  title: string;
  filters: FileFilter[];
  /** Choose where to save: a file name is typed (defaultName first). */
  save?: boolean;
  defaultName?: string;
  resolve(path: string | null): void;
}

export type BottomTab = 'data' | 'summary' | 'training' | 'boundary' | 'diagnostics' | 'problems';

interface UiState {
  theme: 'light' | 'dark';
  bottomTab: BottomTab;
  showTab(tab: BottomTab): void;
  notices: Notice[];
  picker: PickerRequest | null;
  toggleTheme(): void;
  /** Shows a toast; the same words again count it up (×2) instead of stacking. */
  notify(text: string, kind?: Notice['kind'], at?: Notice['at'], action?: NoticeAction): void;
  dismiss(id: number): void;
  dismissAll(): void;
  openPicker(req: Omit<PickerRequest, 'resolve'>): Promise<string | null>;
  closePicker(path: string | null): void;
}

let noticeId = 0;
// One timer per toast; a repeat of the message starts its time again.
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const clearTimer = (id: number) => {
  clearTimeout(timers.get(id));
  timers.delete(id);
};

export const useUiStore = create<UiState>()((set, get) => ({
  theme: 'light',
  bottomTab: 'data',
  showTab: (bottomTab) => set({ bottomTab }),
  notices: [],
  picker: null,
  toggleTheme: () => set({ theme: get().theme === 'light' ? 'dark' : 'light' }),
  notify(text, kind = 'info', at, action) {
    const incoming = {
      id: ++noticeId,
      text,
      kind,
      ...(at ? { at } : {}),
      ...(action ? { action } : {}),
    };
    const { list, id } = addNotice(get().notices, incoming);
    set({ notices: list });
    clearTimer(id);
    const ms = lifetime(incoming);
    if (ms !== null)
      timers.set(
        id,
        setTimeout(() => get().dismiss(id), ms),
      );
  },
  dismiss(id) {
    clearTimer(id);
    set({ notices: get().notices.filter((n) => n.id !== id) });
  },
  dismissAll() {
    for (const id of timers.keys()) clearTimer(id);
    set({ notices: [] });
  },
  openPicker(req) {
    get().picker?.resolve(null);
    return new Promise((resolve) => set({ picker: { ...req, resolve } }));
  },
  closePicker(path) {
    get().picker?.resolve(path);
    set({ picker: null });
  },
}));
