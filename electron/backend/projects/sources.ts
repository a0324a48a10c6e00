/**
 * What the project service needs from the rest of the backend, passed in so it never imports the
 * dataset store or the training service (backend.ts wires them).
 */
import type { ModelSpec } from '../../../engine/train/spec';
import type { AtomicFs } from '../files/atomic';

/** A dataset the app holds, as the project service saves it. */
export interface DatasetContent {
  /** The file name shown to the user (e.g. "iris.csv"). */
  name: string;
  /** Absolute path of the file it was loaded from; null for text the renderer handed over. */
  path: string | null;
  /** The original file bytes when they are still in memory; null → the service reads `path`. */
  bytes: Uint8Array | null;
  /** The dataset's current import options (the dataset feature's DatasetOptions, as JSON). */
  options: Record<string, unknown>;
}

/** Trained weights the app holds (the latest finished run, or restored from a project). */
export interface TrainedWeights {
  runId: string | null;
  /** The input width the network was built for. */
  features: number;
  /** One array per parameter, in the runtime Network's `params` order (`Network.getWeights()`). */
  weights: Float32Array[];
}

export interface DatasetToLoad {
  name: string;
  /** The file's bytes (decode them like a CSV file on disk: UTF-8, else Latin-1). */
  bytes: Uint8Array;
  /** Absolute path of a linked file; null when the bytes were embedded in the project. */
  path: string | null;
  /** Saved import options; validate them with the dataset feature's schema. */
  options: Record<string, unknown>;
}

export interface WeightsToRestore {
  runId: string | null;
  features: number;
  /** The spec the weights fit (compiled from the project's graph). */
  spec: ModelSpec;
  weights: Float32Array[];
}

export interface ProjectSources {
  /** The dataset loaded under this id, or null when there is none. */
  datasetContent(id: string): Promise<DatasetContent | null> | DatasetContent | null;
  /** The trained weights to save with the project, or null when there are none. */
  latestWeights(): Promise<TrainedWeights | null> | TrainedWeights | null;
  /** Load a project's dataset into the dataset store; throw an AppError when it cannot. */
  openDataset(input: DatasetToLoad): Promise<{ id: string; summary: unknown }>;
  /** Hold a project's trained weights so predictions use them; optional. */
  restoreWeights?(input: WeightsToRestore): Promise<void> | void;
}

/** The part of the host platform the service uses, plus where autosaves live. */
export interface ProjectPlatform {
  mode: 'desktop' | 'browser';
  version: string;
  /** Browser mode: the workspace folder (absolute). Desktop: null. */
  workspace: string | null;
  /** A folder of the app's own (e.g. app.getPath('userData')/recovery); created when needed. */
  recoveryDir: string;
  /** Desktop: folders the user saved or opened projects in (recent projects); cleaned at start. */
  projectFolders?: () => string[] | Promise<string[]>;
  /**
   * Desktop: asks the user whether a file named inside a project (a linked dataset) may be read;
   * true grants that one file. Without it, such files are not read (the dataset is "missing").
   */
  confirmLinkedDataset?: (request: LinkedDatasetRequest) => Promise<boolean>;
}

/** What the user is asked before a project's linked dataset is read. */
export interface LinkedDatasetRequest {
  /** The project's file name, as shown. */
  project: string;
  /** The dataset's name in the project. */
  dataset: string;
  /** The absolute path the project's link leads to. */
  path: string;
}

/** Test hooks: fail a write midway, fake the clock, simulate another session. */
export interface ProjectServiceOptions {
  atomicFs?: AtomicFs;
  now?: () => number;
  /** Identifies this run of the app in the recovery index (default: random). */
  session?: string;
  /** Whether a process is still running (an autosave of a live app is not offered). */
  isAlive?: (pid: number) => boolean;
  pid?: number;
}
