/**
 * The one typed contract between the renderer and the main-process side.
 *
 * Every request/response channel and every pushed event is declared here with zod schemas.
 * The receiving side always parses: the backend parses requests, the renderer's client parses
 * responses and events. Only `invoke` (request → response) and pushed events exist.
 * Errors cross the boundary as `{ code, message, details }` (see AppError / ERROR_CODES).
 *
 * This file is imported by the renderer, the preload script, the backend and the host:
 * it holds types and schemas only (no Node, no Electron, no DOM).
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export const ERROR_CODES = [
  'BAD_REQUEST', // the payload did not match the channel's schema
  'UNKNOWN_CHANNEL',
  'NOT_FOUND', // a file or folder that does not exist
  'OUTSIDE_WORKSPACE', // a path that leaves the allowed folder
  'NOT_ALLOWED', // a path the user never chose, or an operation this mode cannot do
  'TOO_LARGE',
  'IO_ERROR',
  'CANCELLED',
  'BAD_RESPONSE', // the other side answered something that does not match the contract
  'DISCONNECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

/** An error that keeps its code when it crosses a process or socket boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toJSON(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
  static from(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.details);
  }
}

/** What every invoke resolves to on the wire: never a thrown exception. */
export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

// ---------------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------------

/** A path as the renderer sees it: absolute in desktop mode, workspace-relative in browser mode. */
const filePath = z.string().min(1, 'path is empty').max(4096, 'path is too long');

export const fileFilterSchema = z.object({
  name: z.string().max(100),
  extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,16}$/)).max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const dirEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  kind: z.enum(['file', 'dir']),
  size: z.number().int().nonnegative(),
  modified: z.number(),
});
export type DirEntry = z.infer<typeof dirEntrySchema>;

export const MENU_COMMANDS = [
  'file:new',
  'file:open',
  'file:save',
  'file:saveAs',
  'edit:undo',
  'edit:redo',
  'edit:delete',
  'edit:selectAll',
  'view:fit',
  'view:toggleTheme',
  'help:about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Largest text file the renderer may ask for in one piece (bigger files stream in later issues). */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Request / response channels
// ---------------------------------------------------------------------------------------------

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

export const channels = {
  /** Who is serving the renderer, and what it can do. */
  'app:info': channel(
    z.object({}).strict(),
    z.object({
      name: z.literal('Layerlab'),
      version: z.string(),
      mode: z.enum(['desktop', 'browser']),
      platform: z.string(),
      /** Desktop: native open/save dialogs. Browser: the in-app workspace picker. */
      nativeDialogs: z.boolean(),
      /** Browser mode: the workspace folder every path is confined to. */
      workspace: z.string().nullable(),
    }),
  ),
  /** Native "Open" dialog (desktop). Resolves to null when the user cancels. */
  'dialog:open': channel(
    z
      .object({
        title: z.string().max(200).optional(),
        filters: z.array(fileFilterSchema).max(10).default([]),
      })
      .strict(),
    z.object({ path: filePath.nullable() }),
  ),
  /** Native "Save" dialog (desktop). Resolves to null when the user cancels. */
  'dialog:save': channel(
    z
      .object({
        title: z.string().max(200).optional(),
        defaultName: z.string().max(255).optional(),
        filters: z.array(fileFilterSchema).max(10).default([]),
      })
      .strict(),
    z.object({ path: filePath.nullable() }),
  ),
  /** List a folder (the in-app picker of browser mode). '' or '.' is the workspace root. */
  'files:list': channel(
    z.object({ dir: z.string().max(4096) }).strict(),
    z.object({ dir: z.string(), parent: z.string().nullable(), entries: z.array(dirEntrySchema) }),
  ),
  /** Read a UTF-8 text file the user chose. */
  'files:readText': channel(
    z
      .object({
        path: filePath,
        maxBytes: z.number().int().positive().max(MAX_TEXT_BYTES).optional(),
      })
      .strict(),
    z.object({
      path: z.string(),
      name: z.string(),
      size: z.number().int().nonnegative(),
      text: z.string(),
    }),
  ),
  /** Write a UTF-8 text file the user chose (atomically: temp file, fsync, rename). */
  'files:writeText': channel(
    z.object({ path: filePath, text: z.string().max(MAX_TEXT_BYTES) }).strict(),
    z.object({ path: z.string(), size: z.number().int().nonnegative() }),
  ),
  /** Open an https:// link in the system browser (desktop) or a new tab (browser). */
  'shell:openExternal': channel(
    z
      .object({
        url: z
          .string()
          .url()
          .max(2048)
          .refine((u) => u.startsWith('https://'), 'only https:// links open'),
      })
      .strict(),
    z.object({ opened: z.boolean() }),
  ),
} as const;

export type Channels = typeof channels;
export type Channel = keyof Channels;
export const CHANNEL_NAMES = Object.keys(channels) as Channel[];
export type RequestOf<C extends Channel> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Channels[C]['response']>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

// ---------------------------------------------------------------------------------------------
// Pushed events (main → renderer)
// ---------------------------------------------------------------------------------------------

export const events = {
  /** A native menu item or accelerator the renderer must act on. */
  'menu:command': z.object({ command: z.enum(MENU_COMMANDS) }),
  /** A file the OS asked us to open (command line, file association, second instance). */
  'app:openFile': z.object({ path: filePath }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventOf<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

// ---------------------------------------------------------------------------------------------
// The API object the renderer receives (preload in desktop mode, WebSocket client in browser mode)
// ---------------------------------------------------------------------------------------------

/** The raw bridge: results are envelopes, never exceptions, so errors keep their codes. */
export interface RawBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Name under which preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'layerlab';

// ---------------------------------------------------------------------------------------------
// WebSocket framing for browser mode (host.ts ↔ renderer)
// ---------------------------------------------------------------------------------------------

export const wsRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
});
export const wsMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int(), result: z.unknown() }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WsMessage = z.infer<typeof wsMessageSchema>;
export const WS_PATH = '/ws';
