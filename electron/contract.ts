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
import { trainingChannels, trainingEvents } from './contract/training';
import { projectChannels, projectEvents } from './contract/projects';
import { uploadChannels, uploadIdSchema } from './contract/uploads';
import { boundaryChannels, boundaryEvents, generateRequestSchema } from './contract/boundary';
import { modelChannels } from './contract/models';
import { sweepChannels, sweepEvents } from './contract/sweeps';
import { ERROR_CODES, type AppErrorData } from './contract/errors';
import { COMMAND_IDS, type CommandId } from './contract/commands';

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export { AppError, ERROR_CODES, type AppErrorData, type ErrorCode } from './contract/errors';

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check: the schema describes exactly the errors' data type. */
export const errorSchemaMatchesType: Same<z.infer<typeof appErrorSchema>, AppErrorData> = true;

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

/** Commands the native menu sends to the renderer: every command of the table. */
export const MENU_COMMANDS = COMMAND_IDS;
export type MenuCommand = CommandId;

/** Largest text file the renderer may ask for in one piece (bigger files stream in later issues). */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Datasets (CSV import): options the user controls and the compact summary of a loaded file.
// The rows stay on the main side; only this summary crosses IPC. Mirrors engine/data/types.ts
// (electron/backend/datasets/service.ts checks that both agree at compile time).
// ---------------------------------------------------------------------------------------------

export const COLUMN_KINDS = [
  'numeric',
  'integer',
  'boolean',
  'categorical',
  'identifier',
  'constant',
  'text',
  'date',
  'empty',
] as const;
export const IMPUTE_STRATEGIES = ['drop', 'mean', 'median', 'mostFrequent', 'constant'] as const;
export const SCALINGS = ['standardize', 'minmax', 'none'] as const;

const fraction = z.number().min(0).max(1);
const splitFractionsSchema = z
  .object({ train: fraction, validation: fraction, test: fraction })
  .refine((f) => f.train > 0, 'the training fraction must be above 0')
  .refine(
    (f) => Math.abs(f.train + f.validation + f.test - 1) < 1e-6,
    'the fractions must add up to 1',
  );

export const columnOverrideSchema = z
  .object({
    kind: z.enum(COLUMN_KINDS).optional(),
    use: z.boolean().optional(),
    impute: z.enum(IMPUTE_STRATEGIES).optional(),
    fill: z.string().max(200).optional(),
    nonFinite: z.enum(['missing', 'refuse']).optional(),
  })
  .strict();

/** A partial set of import options: what the user changed, or a one-click fix. */
export const datasetOptionsPatchSchema = z
  .object({
    target: z.string().max(1000).nullable().optional(),
    task: z.enum(['auto', 'classification', 'regression']).optional(),
    columns: z.record(z.string().max(1000), columnOverrideSchema).optional(),
    scaling: z.enum(SCALINGS).optional(),
    split: splitFractionsSchema.optional(),
    shuffle: z.boolean().optional(),
    stratify: z.boolean().optional(),
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    skipBadRows: z.boolean().optional(),
    dropDuplicates: z.boolean().optional(),
    parameters: z.number().int().nonnegative().nullable().optional(),
  })
  .strict();
export type DatasetOptionsPatch = z.infer<typeof datasetOptionsPatchSchema>;

const datasetOptionsSchema = z.object({
  target: z.string().nullable(),
  task: z.enum(['auto', 'classification', 'regression']),
  columns: z.record(z.string(), columnOverrideSchema),
  scaling: z.enum(SCALINGS),
  split: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
  shuffle: z.boolean(),
  stratify: z.boolean(),
  seed: z.number(),
  skipBadRows: z.boolean(),
  dropDuplicates: z.boolean(),
  parameters: z.number().nullable(),
});

const numericStatsSchema = z.object({
  min: z.number(),
  max: z.number(),
  mean: z.number(),
  std: z.number(),
});

export const columnSummarySchema = z.object({
  name: z.string(),
  index: z.number().int(),
  kind: z.enum(COLUMN_KINDS),
  inferredKind: z.enum(COLUMN_KINDS),
  role: z.enum(['feature', 'target', 'excluded']),
  reason: z.string().nullable(),
  missing: z.number().int(),
  invalid: z.number().int(),
  distinct: z.number().int(),
  impute: z.enum(IMPUTE_STRATEGIES),
  stats: numericStatsSchema.nullable(),
  histogram: z.array(z.object({ lo: z.number(), hi: z.number(), count: z.number() })).nullable(),
  top: z.array(z.object({ value: z.string(), count: z.number() })).nullable(),
});
export type ColumnSummaryData = z.infer<typeof columnSummarySchema>;

export const findingSchema = z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  detail: z.string(),
  fix: z.object({ label: z.string(), patch: datasetOptionsPatchSchema }).nullable(),
});
export type FindingData = z.infer<typeof findingSchema>;

export const datasetSummarySchema = z.object({
  id: z.string(),
  file: z.object({
    name: z.string(),
    size: z.number().int().nonnegative(),
    encoding: z.enum(['utf-8', 'latin-1']),
    delimiter: z.string(),
    decimalComma: z.boolean(),
    hasHeader: z.boolean(),
    rows: z.number().int(),
    columns: z.number().int(),
    emptyLines: z.number().int(),
    badRows: z.array(z.object({ line: z.number().int(), fields: z.number().int() })),
    badRowCount: z.number().int(),
    notes: z.array(z.string()),
  }),
  preview: z.object({ header: z.array(z.string()), rows: z.array(z.array(z.string())) }),
  columns: z.array(columnSummarySchema),
  target: z
    .object({
      name: z.string(),
      task: z.enum(['classification', 'regression']),
      classes: z.array(z.string()).nullable(),
      classCounts: z.array(z.number()).nullable(),
      stats: numericStatsSchema.nullable(),
    })
    .nullable(),
  encoding: z.object({
    features: z.number().int(),
    featureNames: z.array(z.string()),
    scaling: z.enum(SCALINGS),
  }),
  image: z
    .object({
      width: z.number().int(),
      height: z.number().int(),
      channels: z.number().int(),
      columns: z.array(z.string()),
      lo: z.number(),
      hi: z.number(),
    })
    .nullable(),
  droppedRows: z.object({
    missingTarget: z.number().int(),
    missingFeature: z.number().int(),
    duplicates: z.number().int(),
  }),
  split: z
    .object({
      train: z.number().int(),
      validation: z.number().int(),
      test: z.number().int(),
      stratified: z.boolean(),
      shuffled: z.boolean(),
      seed: z.number(),
      testFile: z
        .object({ name: z.string(), rows: z.number().int(), leftOut: z.number().int() })
        .nullable(),
      classCounts: z
        .object({
          train: z.array(z.number()),
          validation: z.array(z.number()),
          test: z.array(z.number()),
        })
        .nullable(),
    })
    .nullable(),
  findings: z.array(findingSchema),
  ready: z.boolean(),
  options: datasetOptionsSchema,
});
export type DatasetSummaryData = z.infer<typeof datasetSummarySchema>;

/** Largest CSV text the renderer may hand over itself (a dropped file, a bundled sample). */
export const MAX_DATASET_TEXT = MAX_TEXT_BYTES;

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
  /**
   * Write a binary file the user chose (a chart as PNG), sent as base64; atomically like
   * files:writeText.
   */
  'files:writeBytes': channel(
    z
      .object({
        path: filePath,
        base64: z
          .string()
          .max(Math.ceil(MAX_TEXT_BYTES / 3) * 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
      })
      .strict(),
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
  /** Load a CSV file the user chose (dialog, picker, OS): parse, infer, split; rows stay here. */
  'datasets:open': channel(
    z.object({ path: filePath, options: datasetOptionsPatchSchema.optional() }).strict(),
    datasetSummarySchema,
  ),
  /** Load CSV text the renderer holds (a bundled sample; dropped files are uploaded instead). */
  'datasets:openText': channel(
    z
      .object({
        name: z.string().min(1).max(255),
        text: z.string().max(MAX_DATASET_TEXT),
        /** How the renderer decoded the bytes (it falls back to Latin-1 like the backend). */
        encoding: z.enum(['utf-8', 'latin-1']).optional(),
        options: datasetOptionsPatchSchema.optional(),
      })
      .strict(),
    datasetSummarySchema,
  ),
  /** Generate a built-in 2-D dataset and load it like CSV text (saved embedded, by its name). */
  'datasets:generate': channel(generateRequestSchema, datasetSummarySchema),
  /** Load a CSV file uploaded in pieces (uploads:begin / uploads:append); the upload is used up. */
  'datasets:openUpload': channel(
    z.object({ id: uploadIdSchema, options: datasetOptionsPatchSchema.optional() }).strict(),
    datasetSummarySchema,
  ),
  /** Change import options of a loaded dataset (target, kinds, imputation, scaling, split...). */
  'datasets:configure': channel(
    z.object({ id: z.string().max(100), options: datasetOptionsPatchSchema }).strict(),
    datasetSummarySchema,
  ),
  /** Take the test split from a separate file (same columns), or back from the split (null). */
  'datasets:setTestFile': channel(
    z.object({ id: z.string().max(100), path: filePath.nullable() }).strict(),
    datasetSummarySchema,
  ),
  /** Forget a loaded dataset (frees its rows). */
  'datasets:close': channel(
    z.object({ id: z.string().max(100) }).strict(),
    z.object({ closed: z.boolean() }),
  ),
  ...trainingChannels,
  ...projectChannels,
  ...uploadChannels,
  ...boundaryChannels,
  ...modelChannels,
  ...sweepChannels,
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
  /** Progress of a dataset being loaded (sent for big files only). */
  'datasets:progress': z.object({
    file: z.string(),
    phase: z.enum(['reading', 'parsing', 'analysing']),
    fraction: z.number().min(0).max(1),
  }),
  ...trainingEvents,
  ...projectEvents,
  ...boundaryEvents,
  ...sweepEvents,
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
