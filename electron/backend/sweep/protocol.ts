/** Messages between a sweep's pool (main side) and its worker threads, one variant at a time. */
import type { RunEpoch, RunEvaluation } from '../../contract/training';
import type { StartMessage } from '../training/protocol';

export interface SweepJob {
  type: 'run';
  id: string;
  /** The variant's run, as a single run would start; its data views share one buffer. */
  start: StartMessage;
  targetStd: number;
}

export type ToSweepWorker = SweepJob | { type: 'stop'; id: string };

export type FromSweepWorker =
  | {
      type: 'epoch';
      id: string;
      epoch: RunEpoch;
      penalty: number;
      /** Training data loss in evaluation mode at the end of the epoch, penalty excluded. */
      trainData: number;
    }
  | {
      type: 'done';
      id: string;
      reason: 'completed' | 'stopped' | 'diverged';
      message: string | null;
      evaluation: RunEvaluation | null;
      elapsedMs: number;
    }
  | { type: 'failed'; id: string; message: string };
