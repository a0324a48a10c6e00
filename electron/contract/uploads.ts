/**
 * Files the renderer holds (dropped on the window) travel in pieces, never as one message:
 * `uploads:begin` announces the name and size and answers an upload id and the piece size,
 * `uploads:append` adds the bytes at an offset (base64, in order), and a finishing request
 * (`datasets:openUpload`, `projects:openUpload`) opens the whole file through the same path as a
 * file on disk. Uploads left unfinished are removed after a while. Part of the one contract:
 * electron/contract.ts spreads `uploadChannels` into its channels.
 */
import { z } from 'zod';
import { MAX_PROJECT_BYTES } from '../../engine/graph/project/schema';
import { openedProjectSchema } from './projects';

/** Bytes per piece: small next to the host's largest message, few round trips for big files. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** Largest dataset a renderer may upload (it is written to a temporary file while it arrives). */
export const MAX_DATASET_UPLOAD_BYTES = 1024 * 1024 * 1024;
export const UPLOAD_KINDS = ['dataset', 'project'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
/** The largest upload of each kind. */
export const MAX_UPLOAD_BYTES: Record<UploadKind, number> = {
  dataset: MAX_DATASET_UPLOAD_BYTES,
  project: MAX_PROJECT_BYTES,
};

export const uploadIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'is not an upload id');
const MAX_BASE64 = 4 * Math.ceil(UPLOAD_CHUNK_BYTES / 3);

export const uploadChannels = {
  /** Start an upload; the size is checked against the kind's limit before any byte arrives. */
  'uploads:begin': {
    request: z
      .object({
        kind: z.enum(UPLOAD_KINDS),
        name: z.string().min(1).max(255),
        size: z.number().int().nonnegative().max(MAX_DATASET_UPLOAD_BYTES),
      })
      .strict(),
    response: z.object({
      id: uploadIdSchema,
      chunkBytes: z.number().int().positive(),
    }),
  },
  /** The next piece: `offset` must be where the previous piece ended. */
  'uploads:append': {
    request: z
      .object({
        id: uploadIdSchema,
        offset: z.number().int().nonnegative(),
        data: z
          .string()
          .max(MAX_BASE64, `a piece holds at most ${UPLOAD_CHUNK_BYTES} bytes`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
      })
      .strict(),
    response: z.object({ received: z.number().int().nonnegative() }),
  },
  /** Give up an upload (the user cancelled, or a piece failed); its bytes are removed. */
  'uploads:cancel': {
    request: z.object({ id: uploadIdSchema }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** Open an uploaded project file (a .layerlab dropped on the window; it has no path). */
  'projects:openUpload': {
    request: z.object({ id: uploadIdSchema }).strict(),
    response: openedProjectSchema,
  },
} as const;
