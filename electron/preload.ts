/**
 * Preload (sandboxed, context-isolated): exposes one typed bridge built from the contract.
 * The renderer never sees ipcRenderer: it can invoke only the contract's channels and listen
 * only to the contract's events; payloads are checked by zod on each receiving side.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, isChannel, isEventName, type RawBridge } from './contract';

const bridge: RawBridge = {
  invoke(channel, payload) {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${String(channel)}".` },
      });
    }
    return ipcRenderer.invoke(channel, payload);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event)}".`);
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
