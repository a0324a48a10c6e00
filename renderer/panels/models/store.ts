/** Whether File ▸ Export… is open (UI state, not part of the document). */
import { create } from 'zustand';

interface ModelsUi {
  exportOpen: boolean;
  openExport(): void;
  closeExport(): void;
}

export const useModelsUi = create<ModelsUi>((set) => ({
  exportOpen: false,
  openExport: () => set({ exportOpen: true }),
  closeExport: () => set({ exportOpen: false }),
}));
