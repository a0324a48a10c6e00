/**
 * Finds the bridge to the main-process side: the preload's object in the desktop app, or a
 * WebSocket to the browser-mode host (token taken from the page URL, then hidden from it).
 */
import { BRIDGE_GLOBAL, WS_PATH, wsMessageSchema, type RawBridge } from '../../electron/contract';
import { describeClose } from './errors';

export function findBridge(): RawBridge {
  const injected = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as
    RawBridge | undefined;
  if (injected) return injected;
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem('layerlab-token');
  if (!token)
    throw new Error(
      'This page needs the address printed by "npm run web" (it carries an access token).',
    );
  // Keep the token for reloads of this tab, but out of the address bar and history.
  sessionStorage.setItem('layerlab-token', token);
  if (params.has('token')) window.history.replaceState(null, '', window.location.pathname);
  return new WsBridge(`ws://${window.location.host}${WS_PATH}?token=${encodeURIComponent(token)}`);
}

type Pending = { resolve(v: unknown): void; reject(e: Error): void };

class WsBridge implements RawBridge {
  private socket: WebSocket | null = null;
  private opening: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(p: unknown) => void>>();

  constructor(private readonly url: string) {
    void this.open().catch(() => undefined);
  }

  private open(): Promise<WebSocket> {
    if (this.socket?.readyState === WebSocket.OPEN) return Promise.resolve(this.socket);
    if (this.opening) return this.opening;
    this.opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.onopen = () => {
        this.socket = ws;
        this.opening = null;
        resolve(ws);
      };
      ws.onerror = () => {
        this.opening = null;
        reject(new Error('could not connect to the Layerlab host'));
      };
      ws.onclose = (ev) => {
        this.socket = null;
        // The close code says why (a message too large, bad text...): the user sees it in words.
        const reason = describeClose(ev.code, ev.reason);
        if (ev.code !== 1000) console.warn(`Layerlab host connection closed: ${reason}`);
        for (const p of this.pending.values()) p.reject(new Error(reason));
        this.pending.clear();
      };
      ws.onmessage = (ev) => this.receive(ev.data);
    });
    return this.opening;
  }

  private receive(data: unknown): void {
    let msg;
    try {
      msg = wsMessageSchema.parse(JSON.parse(String(data)));
    } catch {
      return;
    }
    if (msg.type === 'result') {
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        p.resolve(msg.result);
      }
    } else {
      for (const l of this.listeners.get(msg.event) ?? []) l(msg.payload);
    }
  }

  async invoke(channel: string, payload: unknown): Promise<unknown> {
    const ws = await this.open();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ id, channel, payload }));
    });
  }

  on(event: string, listener: (payload: unknown) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
    return () => set.delete(listener);
  }
}
