import { describe, expect, it, vi } from 'vitest';
import { AppError, type RawBridge } from '../../../../electron/contract';
import { createApi } from '../../../../electron/contract/client';

function bridge(answer: unknown, events: Record<string, (p: unknown) => void> = {}): RawBridge {
  return {
    invoke: async () => answer,
    on: (event, listener) => {
      events[event] = listener;
      return () => undefined;
    },
  };
}

describe('renderer-side client', () => {
  it('returns the parsed value of a valid response', async () => {
    const api = createApi(bridge({ ok: true, value: { path: null } }));
    await expect(api.invoke('dialog:open', { filters: [] })).resolves.toEqual({ path: null });
  });

  it('turns an error envelope into an AppError with its code', async () => {
    const api = createApi(bridge({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } }));
    const err = await api.invoke('files:readText', { path: 'a' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'gone' });
  });

  it('rejects a response the contract does not allow', async () => {
    const api = createApi(bridge({ ok: true, value: { path: 12 } }));
    await expect(api.invoke('dialog:open', {})).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('reports a broken bridge as DISCONNECTED', async () => {
    const api = createApi({
      invoke: async () => Promise.reject(new Error('socket closed')),
      on: () => () => undefined,
    });
    await expect(api.invoke('app:info', {})).rejects.toMatchObject({ code: 'DISCONNECTED' });
  });

  it('delivers valid events and drops malformed ones', () => {
    const events: Record<string, (p: unknown) => void> = {};
    const api = createApi(bridge(null, events));
    const got = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    api.on('menu:command', got);
    events['menu:command']!({ command: 'edit:undo' });
    events['menu:command']!({ command: 'rm -rf' });
    expect(got.mock.calls).toEqual([[{ command: 'edit:undo' }]]);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
