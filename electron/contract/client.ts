/**
 * The typed API the renderer (and tests) use, built on a raw bridge (preload in desktop mode,
 * the WebSocket client in browser mode). The renderer is a receiving side too: every response
 * and event is parsed against the contract before anyone sees it.
 */
import {
  AppError,
  appErrorSchema,
  channels,
  events,
  isChannel,
  isEventName,
  type Channel,
  type EventName,
  type EventOf,
  type RawBridge,
  type RequestOf,
  type ResponseOf,
} from '../contract';

export interface Api {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void;
}

export function createApi(bridge: RawBridge): Api {
  return {
    async invoke(channel, request) {
      if (!isChannel(channel))
        throw new AppError('UNKNOWN_CHANNEL', `Unknown channel "${String(channel)}".`);
      let raw: unknown;
      try {
        raw = await bridge.invoke(channel, request);
      } catch (err) {
        throw new AppError(
          'DISCONNECTED',
          `The app's background service did not answer (${errorText(err)}).`,
        );
      }
      const envelope = raw as { ok?: unknown; value?: unknown; error?: unknown } | null;
      if (envelope && envelope.ok === false) {
        const parsed = appErrorSchema.safeParse(envelope.error);
        throw parsed.success
          ? AppError.from(parsed.data)
          : new AppError('BAD_RESPONSE', `"${channel}" failed with an unreadable error.`);
      }
      if (!envelope || envelope.ok !== true) {
        throw new AppError('BAD_RESPONSE', `"${channel}" answered without a result.`);
      }
      const parsed = channels[channel].response.safeParse(envelope.value);
      if (!parsed.success) {
        throw new AppError(
          'BAD_RESPONSE',
          `"${channel}" answered something the contract does not allow.`,
          {
            issues: parsed.error.issues.slice(0, 5),
          },
        );
      }
      return parsed.data as ResponseOf<typeof channel>;
    },
    on(event, listener) {
      if (!isEventName(event))
        throw new AppError('UNKNOWN_CHANNEL', `Unknown event "${String(event)}".`);
      return bridge.on(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        // A malformed event is dropped, not delivered half-checked.
        if (parsed.success) listener(parsed.data as EventOf<typeof event>);
        else console.warn(`Ignored a malformed "${event}" event`, parsed.error.issues[0]);
      });
    },
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
