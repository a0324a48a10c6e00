/**
 * Models in and out of the app: export the current project (its draft: graph, settings, the
 * dataset and the weights the backend holds) to ONNX / TF.js / PyTorch / Keras, and import a
 * TF.js, Keras or ONNX model file as a graph with its weights. Part of the one contract:
 * electron/contract.ts spreads `modelChannels` into its channels.
 */
import { z } from 'zod';
import { graphSchema } from '../../engine/graph/document';
import { projectDraftSchema } from './projects';

const filePath = z.string().min(1, 'path is empty').max(4096, 'path is too long');

export const MODEL_EXPORT_FORMATS = ['onnx', 'tfjs', 'pytorch', 'keras'] as const;
export type ModelExportFormat = (typeof MODEL_EXPORT_FORMATS)[number];

/** The file extensions File ▸ Import model… offers. */
export const MODEL_IMPORT_EXTENSIONS = ['json', 'keras', 'onnx'] as const;

export const importSummarySchema = z.object({
  format: z.enum(['tfjs', 'keras', 'onnx']),
  name: z.string().nullable(),
  features: z.number().int().nullable(),
  featureNames: z.array(z.string()).nullable(),
  outputs: z.number().int(),
  nodes: z.number().int(),
  denseLayers: z.number().int(),
  parameters: z.number().int().nullable(),
  hasWeights: z.boolean(),
  notes: z.array(z.string()),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const modelChannels = {
  /** Export the current project into a new (or empty) folder. */
  'models:export': {
    request: z
      .object({
        format: z.enum(MODEL_EXPORT_FORMATS),
        /** The folder to create, in the renderer's path form. */
        outDir: filePath,
        /** The model's name in the exported files (the project's title). */
        name: z.string().min(1).max(200),
        draft: projectDraftSchema,
      })
      .strict(),
    response: z.object({
      outDir: z.string(),
      format: z.enum(MODEL_EXPORT_FORMATS),
      files: z.array(z.string()),
      testMetrics: z.record(z.string(), z.number()).nullable(),
    }),
  },
  /**
   * Read a model file the user chose. With `datasetId`, weights that fit that dataset's encoded
   * width are adopted for Predict (`adopted`).
   */
  'models:import': {
    request: z.object({ path: filePath, datasetId: z.string().max(100).optional() }).strict(),
    response: z.object({
      graph: graphSchema,
      weights: z
        .object({ features: z.number().int(), parameters: z.number().int(), adopted: z.boolean() })
        .nullable(),
      summary: importSummarySchema,
    }),
  },
} as const;
