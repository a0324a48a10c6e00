/**
 * Project files over the contract: open, save (atomic, one backup), share (dataset embedded),
 * autosave to the recovery folder, and recovery after a crash. Part of the one contract:
 * electron/contract.ts spreads `projectChannels` / `projectEvents` into its channels and events.
 *
 * The renderer sends a *draft* (what it holds: graph, training settings, runs, which dataset);
 * the backend adds the dataset bytes and the trained weights it holds itself, and writes the
 * document of engine/graph/project.ts. Opening answers a *view* (no dataset bytes, no weights:
 * those are loaded on the main side) plus the dataset's status ("Locate…" when missing).
 */
import { savedSeedGroupSchema, savedSweepSchema } from '../../engine/graph/project/sweeps';
import { z } from 'zod';
import { graphSchema } from '../../engine/graph/document';
import {
  MAX_PROJECT_BYTES,
  linkedSourceSchema,
  projectRunSchema,
} from '../../engine/graph/project/schema';
import { runGraphSchema } from '../../engine/graph/run-graph';
import { alertSchema, doneSchema, epochSchema, trainSettingsSchema } from './training';

const filePath = z.string().min(1, 'path is empty').max(4096, 'path is too long');
/** A recovery key the renderer makes up once per open document (e.g. crypto.randomUUID()). */
export const recoveryKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8–64 letters, digits or dashes');

/** A linked dataset as the renderer keeps it when its file was not found (to keep or locate). */
export const datasetLinkSchema = z
  .object({
    name: z.string().min(1).max(255),
    /** Where the file was expected, in the renderer's path form (absolute, or workspace-relative). */
    path: filePath,
    bytes: linkedSourceSchema.shape.bytes,
    sha256: linkedSourceSchema.shape.sha256,
    options: z.record(z.string(), z.unknown()),
  })
  .strict();
export type DatasetLink = z.infer<typeof datasetLinkSchema>;

/** A finished run as a project keeps it (the renderer's RunView without live state). */
export const savedRunSchema = z.object({
  runId: z.string().min(1).max(64),
  settings: trainSettingsSchema,
  dataset: z.string().max(200),
  backend: z.string().max(200),
  /** The network the run trained (runGraphOf); null when not recorded (older files). */
  graph: runGraphSchema.nullable(),
  /** Identifies the training rows (training:start's datasetHash); null when unknown. */
  datasetHash: projectRunSchema.shape.datasetHash,
  startedAt: z.number().int().nonnegative(),
  epochs: z.array(epochSchema).max(100_000),
  alerts: z.array(alertSchema).max(10_000),
  done: doneSchema.nullable(),
});
export type SavedRun = z.infer<typeof savedRunSchema>;

export const draftDatasetSchema = z.discriminatedUnion('kind', [
  /** A dataset loaded in this session (its id from datasets:*): embedded, or linked by path. */
  z
    .object({
      kind: z.literal('loaded'),
      id: z.string().min(1).max(100),
      mode: z.enum(['embed', 'link']),
    })
    .strict(),
  /** A linked dataset whose file is missing: the link is kept as it was. */
  z.object({ kind: z.literal('missing'), link: datasetLinkSchema }).strict(),
]);

export const projectDraftSchema = z
  .object({
    graph: graphSchema,
    training: trainSettingsSchema,
    /** Finished runs, newest first. */
    runs: z.array(savedRunSchema).max(1000),
    /** Sweeps, newest first (absent: none). */
    sweeps: z.array(savedSweepSchema).max(100).optional(),
    /** Runs retrained with several seeds, newest first (absent: none). */
    seedGroups: z.array(savedSeedGroupSchema).max(20).optional(),
    dataset: draftDatasetSchema.nullable(),
    /** Save the trained weights the backend holds (when they fit the graph). Default true. */
    includeWeights: z.boolean().optional(),
  })
  .strict();
export type ProjectDraft = z.infer<typeof projectDraftSchema>;

export const datasetStatusSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('loaded'),
    name: z.string(),
    /** The dataset's id (datasets:configure / training:start take it). */
    id: z.string(),
    embedded: z.boolean(),
    /** The dataset summary as datasets:open answers it (parse with datasetSummarySchema). */
    summary: z.unknown(),
  }),
  /** Linked file not found ("Locate…"), or found with different content ("Use anyway?"). */
  z.object({
    status: z.enum(['missing', 'changed']),
    name: z.string(),
    message: z.string(),
    link: datasetLinkSchema,
  }),
  /** The dataset could not be read or loaded; the project opened without it. */
  z.object({ status: z.literal('unreadable'), name: z.string(), message: z.string() }),
]);
export type DatasetStatus = z.infer<typeof datasetStatusSchema>;

export const openedProjectSchema = z.object({
  /** The file in the renderer's path form; null for a recovered never-saved document. */
  path: z.string().nullable(),
  /** For the title bar. */
  name: z.string(),
  formatVersion: z.number().int(),
  app: z.object({ name: z.string(), version: z.string() }),
  graph: graphSchema,
  training: trainSettingsSchema,
  runs: z.array(savedRunSchema),
  sweeps: z.array(savedSweepSchema),
  /** Runs retrained with several seeds (absent: none). */
  seedGroups: z.array(savedSeedGroupSchema).optional(),
  dataset: datasetStatusSchema.nullable(),
  /** Trained weights found in the file; `restored` when the backend now holds them. */
  weights: z
    .object({
      runId: z.string().nullable(),
      features: z.number().int(),
      parameters: z.number().int(),
      restored: z.boolean(),
    })
    .nullable(),
  /** True for a document recovered from an autosave: it has unsaved changes. */
  recovered: z.boolean(),
  warnings: z.array(z.string()),
});
export type OpenedProject = z.infer<typeof openedProjectSchema>;

export const savedProjectSchema = z.object({
  path: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative(),
  dataset: z.enum(['embedded', 'linked', 'none']),
  weights: z.boolean(),
  /** True when the previous version was kept as NAME.layerlab.bak. */
  backup: z.boolean(),
  warnings: z.array(z.string()),
});
export type SavedProject = z.infer<typeof savedProjectSchema>;

export const recoverableSchema = z.object({
  key: z.string(),
  title: z.string(),
  /** The file the document was opened from or last saved to, if any. */
  path: z.string().nullable(),
  savedAt: z.number(),
  size: z.number().int().nonnegative(),
});
export type Recoverable = z.infer<typeof recoverableSchema>;

export const projectChannels = {
  /** Open a .layerlab file the user chose (dialog, picker, command line, drop). */
  'projects:open': {
    request: z.object({ path: filePath }).strict(),
    response: openedProjectSchema,
  },
  /** Open a project file dropped on the window, from its text (it then has no path: Save asks). */
  'projects:openText': {
    request: z
      .object({
        name: z.string().min(1).max(255),
        text: z.string().max(MAX_PROJECT_BYTES),
      })
      .strict(),
    response: openedProjectSchema,
  },
  /** Save (and Save As: the path from dialog:save). Atomic; the previous file becomes .bak. */
  'projects:save': {
    request: z
      .object({
        path: filePath,
        draft: projectDraftSchema,
        /** The document's autosave, removed once the save succeeded. */
        recoveryKey: recoveryKeySchema.optional(),
      })
      .strict(),
    response: savedProjectSchema,
  },
  /** "Share…": write a copy with the dataset embedded (the document keeps its own path). */
  'projects:share': {
    request: z.object({ path: filePath, draft: projectDraftSchema }).strict(),
    response: savedProjectSchema,
  },
  /** The renderer's 30-second autosave while there are unsaved changes. */
  'projects:autosave': {
    request: z
      .object({
        key: recoveryKeySchema,
        title: z.string().min(1).max(255),
        path: filePath.nullable(),
        draft: projectDraftSchema,
      })
      .strict(),
    response: z.object({ savedAt: z.number(), size: z.number().int().nonnegative() }),
  },
  /** Documents autosaved by an earlier session that ended without saving (a crash). */
  'projects:recoverable': {
    request: z.object({}).strict(),
    response: z.object({ items: z.array(recoverableSchema) }),
  },
  /** Open an autosaved document (then it is open with unsaved changes). */
  'projects:recover': {
    request: z.object({ key: recoveryKeySchema }).strict(),
    response: openedProjectSchema,
  },
  /** Forget an autosave (after Save, Close without saving, or "Discard" in the recovery offer). */
  'projects:discardRecovery': {
    request: z.object({ key: recoveryKeySchema }).strict(),
    response: z.object({ discarded: z.boolean() }),
  },
  /** "Locate…": load a linked dataset from the file the user chose instead. */
  'projects:locateDataset': {
    request: z
      .object({
        path: filePath,
        link: datasetLinkSchema,
        /** Load it even when its content differs from the saved hash. */
        force: z.boolean().optional(),
      })
      .strict(),
    response: datasetStatusSchema,
  },
} as const;

export const projectEvents = {} as const;
