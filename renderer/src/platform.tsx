/**
 * The renderer's view of its platform, passed in rather than imported: the typed API and a way to choose
 * files, which is a native dialog in the desktop app and the in-app picker in browser mode.
 */
import { createContext, useContext } from 'react';
import type { FileFilter, ResponseOf } from '../../electron/contract';
import type { Api } from '../../electron/contract/client';
import { useUiStore } from '../store/ui';

export interface RendererPlatform {
  api: Api;
  info: ResponseOf<'app:info'>;
  pickFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Where to save: a native save dialog, or the in-app picker with a file name. */
  pickSavePath(options: {
    title: string;
    filters: FileFilter[];
    defaultName: string;
  }): Promise<string | null>;
}

export function createPlatform(api: Api, info: ResponseOf<'app:info'>): RendererPlatform {
  return {
    api,
    info,
    async pickFile(options) {
      if (info.nativeDialogs) return (await api.invoke('dialog:open', options)).path;
      return useUiStore.getState().openPicker(options);
    },
    async pickSavePath(options) {
      if (info.nativeDialogs) return (await api.invoke('dialog:save', options)).path;
      return useUiStore.getState().openPicker({ ...options, save: true });
    },
  };
}

export const PlatformContext = createContext<RendererPlatform | null>(null);

export function usePlatform(): RendererPlatform {
  const p = useContext(PlatformContext);
  if (!p) throw new Error('PlatformContext missing');
  return p;
}
