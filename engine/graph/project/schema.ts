/**
 * The saved project document (`.layerlab`, format version 3): zod schemas and types.
 *
 * This is a saved format: kept apart from runtime classes, checked with
 * zod on the way in, and versioned by `formatVersion`. A change that an older Layerlab could not
 * read bumps the version and adds a step to `migrate` (parse.ts). Binary parts are base64 text:
 * weights are float32 little-endian; an embedded dataset is its file bytes, optionally gzip
 * compressed by the writer (the Electron side; the engine never compresses or decompresses).
 */
import { z } from 'zod';
import { graphSchema } from '../document';
import { runGraphSchema } from '../run-graph';
import { savedSeedGroupSchema, savedSweepSchema } from './sweeps';

export const PROJECT_FORMAT = 'layerlab-project';
/**
 * 2: each run records the network it trained (`graph`) and its training data (`datasetHash`).
 * 3: the project keeps its sweeps (`sweeps`, see ./sweeps.ts); later optional additions: a
 *    sweep's base network and data, and the runs retrained with several seeds (`seedGroups`).
 */
export const PROJECT_FORMAT_VERSION = 3;
/** Default largest project file (an embedded 64 MB CSV compresses well; weights are bounded too). */
export const MAX_PROJECT_BYTES = 200 * 1024 * 1024;
/** The file extension, without the dot. */
export const PROJECT_EXTENSION = 'layerlab';

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(200);
const id = z.string().min(1).max(64);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 hash (64 hex digits)');
/** Standard base64 with padding; its decoded size is checked separately. */
export const base64Text = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 text')
  .refine((s) => s.length % 4 === 0, 'must be base64 text (length a multiple of 4)');

// ---------------------------------------------------------------------------------------------
// Training settings and runs
// ---------------------------------------------------------------------------------------------

/**
 * A plain JSON object (hostile keys and nesting are refused by the JSON reader). Training settings
 * and run records belong to the app (electron/contract/training.ts: trainSettingsSchema,
 * epochSchema, alertSchema, doneSchema), which the engine must not import and which grow as
 * features land. The file stores them as the app had them; the backend checks them with the
 * app's own schemas when a project is opened, after filling in defaults for settings added since
 * the file was written (electron/backend/projects/app-parts.ts), so adding a setting never needs
 * a format migration and a bad value is still refused naming its field.
 */
export const jsonObject = z.record(z.string(), z.unknown());

export const projectRunSchema = z
  .object({
    runId: id,
    settings: jsonObject,
    /** The dataset's name when the run started. */
    dataset: shortText,
    backend: shortText,
    /** The network the run trained (no positions); null when not recorded (format version 1). */
    graph: runGraphSchema.nullable(),
    /** Identifies the training rows (the app's hash of the encoded rows); null when unknown. */
    datasetHash: z
      .string()
      .regex(/^[0-9a-f]{8,64}$/, 'must be 8 to 64 hex digits')
      .nullable(),
    /** Milliseconds since 1970. */
    startedAt: count,
    /** One record per finished epoch (the app's RunEpoch): the curves. */
    epochs: z.array(jsonObject).max(100_000),
    alerts: z.array(jsonObject).max(10_000),
    /** The app's RunDone (reason, evaluation) or null. */
    done: jsonObject.nullable(),
  })
  .strict();
export type ProjectRun = z.infer<typeof projectRunSchema>;

// ---------------------------------------------------------------------------------------------
// Dataset
// ---------------------------------------------------------------------------------------------

/** Largest dataset file a project embeds or links (same as the app's largest text file). */
export const MAX_DATASET_BYTES = 64 * 1024 * 1024;

export const embeddedSourceSchema = z
  .object({
    kind: z.literal('embedded'),
    /** How `data` was compressed before base64; the reader decompresses with a size cap. */
    compression: z.enum(['none', 'gzip']),
    /** Size of the original file bytes. */
    bytes: z.number().int().min(0).max(MAX_DATASET_BYTES, 'the dataset is too large'),
    sha256,
    data: base64Text,
  })
  .strict();

/** A path relative to the project file's folder, with "/" separators. */
const relativePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL characters')
  .refine(
    (p) => !p.startsWith('/') && !p.includes('\\') && !/^[A-Za-z]:/.test(p),
    'must be a relative path with "/" separators',
  );

export const linkedSourceSchema = z
  .object({
    kind: z.literal('linked'),
    path: relativePath,
    bytes: z.number().int().min(0).max(MAX_DATASET_BYTES, 'the dataset is too large'),
    sha256,
  })
  .strict();

export const projectDatasetSchema = z
  .object({
    /** The file name the dataset was loaded from (shown to the user). */
    name: z.string().min(1).max(255),
    source: z.discriminatedUnion('kind', [embeddedSourceSchema, linkedSourceSchema]),
    /**
     * Import options (target, column kinds, imputation, scaling, split, seed…). Their schema belongs
     * to the dataset feature (electron/contract.ts `datasetOptionsPatchSchema`), which checks them
     * when the dataset is loaded; here they are only a plain JSON object.
     */
    options: z.record(z.string(), z.unknown()),
  })
  .strict();
export type ProjectDataset = z.infer<typeof projectDatasetSchema>;
export type DatasetSource = ProjectDataset['source'];

// ---------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------

/** Largest number of weight values a project may hold (256 MB of float32). */
export const MAX_WEIGHT_VALUES = 64 * 1024 * 1024;

export const weightTensorSchema = z
  .object({
    /** The runtime parameter's name, e.g. "dense1.W" (kernel, inputs × units) or "dense1.b". */
    name: z.string().regex(/^dense[1-9][0-9]{0,4}\.[Wb]$/, 'must be like "dense1.W" or "dense1.b"'),
    /** The graph's Dense node the tensor belongs to. */
    node: id,
    shape: z.array(z.number().int().min(1).max(MAX_WEIGHT_VALUES)).min(1).max(2),
    /** float32 little-endian values, row-major, base64. */
    data: base64Text,
  })
  .strict();
export type WeightTensor = z.infer<typeof weightTensorSchema>;

export const projectWeightsSchema = z
  .object({
    /** The run that produced the weights, when known. */
    runId: id.nullable(),
    /** The input width the weights were trained for (encoded feature count). */
    features: z.number().int().min(1).max(1_000_000),
    dtype: z.literal('float32-le'),
    tensors: z.array(weightTensorSchema).max(20_000),
  })
  .strict();
export type ProjectWeights = z.infer<typeof projectWeightsSchema>;

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export const projectSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    formatVersion: z.literal(PROJECT_FORMAT_VERSION),
    /** The app that wrote the file. */
    app: z.object({ name: shortText, version: shortText }).strict(),
    graph: graphSchema,
    dataset: projectDatasetSchema.nullable(),
    /** The app's training settings (see jsonObject). */
    training: jsonObject,
    /** Finished runs, newest first. */
    runs: z.array(projectRunSchema).max(1000),
    weights: projectWeightsSchema.nullable(),
    /** Sweeps, newest first. */
    sweeps: z.array(savedSweepSchema).max(100),
    /** Runs retrained with several seeds, newest first (absent in files saved before). */
    seedGroups: z.array(savedSeedGroupSchema).max(20).optional(),
  })
  .strict();
export type Project = z.infer<typeof projectSchema>;
