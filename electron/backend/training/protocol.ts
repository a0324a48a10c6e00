/** Messages between the training service (main side) and its worker thread. */
import type { PixelGrid } from '../../../engine/data/image';
import type { ModelSpec } from '../../../engine/train/spec';
import type { TrainEvent } from '../../../engine/train/events';
import type { BackendPreference } from '../../../engine/train/backend-choice';
import type { AnalyseRequest } from './worker-analysis';
import type {
  RunBackend,
  RunEvaluation,
  RunWeightStats,
  TrainSettings,
} from '../../contract/training';
import type { BoundaryFrame } from '../../contract/boundary';
import type { BoundaryData, BoundaryWatch } from './boundary-eval';

export interface Matrix {
  rows: number;
  cols: number;
  data: Float32Array;
}

export interface StartMessage {
  type: 'start';
  spec: ModelSpec;
  settings: TrainSettings;
  backend: BackendPreference;
  train: { x: Matrix; y: Matrix };
  validation: { x: Matrix; y: Matrix } | null;
  test: { x: Matrix; y: Matrix } | null;
  classNames: string[] | null;
  /** With "Rows are images": how the inputs map onto the file's full pixel grid. */
  pixels: PixelGrid | null;
}

export type ControlAction = 'pause' | 'resume' | 'stop' | 'step';
export type ToWorker =
  | StartMessage
  | { type: 'control'; action: ControlAction }
  | { type: 'setLearningRate'; lr: number }
  | { type: 'restoreBest' }
  | { type: 'boundary'; watch: BoundaryWatch | null }
  /** A network trained elsewhere (a reopened project's weights): the boundary shows it. */
  | { type: 'adopt'; spec: ModelSpec; weights: Float32Array[]; data: BoundaryData }
  | { type: 'analyse'; id: number; request: AnalyseRequest };

export interface ModelState {
  evaluation: RunEvaluation | null;
  weightStats: RunWeightStats[] | null;
  /** The trained parameters (per Dense layer: kernel, then bias), transferred, not copied. */
  weights: Float32Array[];
}

export type FromWorker =
  | { type: 'event'; event: TrainEvent; samplesPerSec?: number }
  | { type: 'backend'; backend: RunBackend }
  | ({
      type: 'finished';
      reason: 'completed' | 'stopped' | 'diverged';
      message: string | null;
      epochs: number;
      restoredEpoch: number | null;
    } & ModelState)
  | ({ type: 'restored'; epoch: number } & ModelState)
  | { type: 'failed'; message: string }
  | { type: 'boundary'; frame: Omit<BoundaryFrame, 'runId'> }
  | { type: 'boundaryFailed'; message: string }
  | { type: 'analysed'; id: number; result: unknown; error: string | null };
