/**
 * A saved sweep (project format version 3): what was varied, over which values and seeds, with
 * which base settings, and each variant's outcome and curve, so the results reopen without
 * training again. Sweeps saved since then also keep the base network and the training data's
 * name and hash (optional: files saved before simply lack them), so Compare can diff a group's
 * network against a run's.
 */
import { z } from 'zod';
import { runGraphSchema } from '../run-graph';

const value = z.union([z.number().finite(), z.string().max(40)]);
const loss = z.number().finite().nullable();

export const savedSweepVariantSchema = z
  .object({
    id: z.string().min(1).max(16),
    group: z.string().max(300),
    values: z.record(z.string().max(100), value),
    seed: z.number().int().min(0),
    status: z.enum(['completed', 'stopped', 'diverged', 'failed', 'cancelled']),
    bestEpoch: z.number().int().min(1).nullable(),
    bestVal: loss,
    trainAtBest: loss,
    gap: loss,
    test: loss,
    elapsedMs: z.number().finite().min(0),
    /** Data loss per epoch (penalty excluded). */
    curve: z.array(z.object({ train: loss, val: loss }).strict()).max(100_000),
  })
  .strict();

export const savedSweepSchema = z
  .object({
    sweepId: z.string().min(1).max(64),
    savedAt: z.number().int().min(0),
    params: z
      .array(
        z
          .object({
            key: z.string().min(1).max(100),
            values: z.array(value).min(1).max(256),
            log: z.boolean(),
          })
          .strict(),
      )
      .min(1)
      .max(2),
    seeds: z.number().int().min(1).max(20),
    /** The base training settings the variants changed (the app's settings object). */
    settings: z.record(z.string(), z.unknown()),
    variants: z.array(savedSweepVariantSchema).max(256),
    /** The network the sweep ran on, before a variant's layer values were applied. */
    graph: runGraphSchema.optional(),
    /** The training data: its file name and the hash of its training rows (as runs keep it). */
    dataset: z
      .object({ name: z.string().min(1).max(300), hash: z.string().min(1).max(64) })
      .strict()
      .optional(),
  })
  .strict();
export type SavedSweep = z.infer<typeof savedSweepSchema>;

const curves = z.array(z.array(loss).max(100_000)).max(20);

/**
 * A run trained again with several seeds ("Train with 5 seeds"): the seeds and each one's loss
 * curves as recorded (penalty included), with the penalty per epoch when it was recorded, so
 * Compare can test the run against the seed noise after the project is reopened. Optional in
 * the project (files saved before lack it).
 */
export const savedSeedGroupSchema = z
  .object({
    /** The run whose settings, data and network the seeds retrained. */
    runId: z.string().min(1).max(64),
    seeds: z.array(z.number().int().min(0)).min(2).max(20),
    trainLoss: curves,
    valLoss: curves,
    penalty: z
      .array(z.array(z.number().finite().min(0)).max(100_000))
      .max(20)
      .optional(),
  })
  .strict();
export type SavedSeedGroup = z.infer<typeof savedSeedGroupSchema>;
