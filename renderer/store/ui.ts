/** UI state that is not part of the document: theme, notices, the in-app file picker. */
import { create } from 'zustand';
import type { FileFilter } from '../../electron/contract';

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
  /** Screen position for messages shown at the pointer (refused connections). */
  at?: { x: number; y: number };
}

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
  notify(text: string, kind?: Notice['kind'], at?: Notice['at']): void;
  dismiss(id: number): void;
  openPicker(req: Omit<PickerRequest, 'resolve'>): Promise<string | null>;
  closePicker(path: string | null): void;
}

let noticeId = 0;

export const useUiStore = create<UiState>()((set, get) => ({
  theme: 'light',
  bottomTab: 'data',
  showTab: (bottomTab) => set({ bottomTab }),
  notices: [],
  picker: null,
  toggleTheme: () => set({ theme: get().theme === 'light' ? 'dark' : 'light' }),
  notify(text, kind = 'info', at) {
    const id = ++noticeId;
    set({ notices: [...get().notices.slice(-3), { id, text, kind, ...(at ? { at } : {}) }] });
    setTimeout(() => get().dismiss(id), kind === 'error' ? 8000 : 4000);
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  openPicker(req) {
    get().picker?.resolve(null);
    return new Promise((resolve) => set({ picker: { ...req, resolve } }));
  },
  closePicker(path) {
    get().picker?.resolve(path);
    set({ picker: null });
  },
}));
