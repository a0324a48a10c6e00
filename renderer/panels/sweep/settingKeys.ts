/** A sweep's setting keys (as on the command line) and the training setting each one sets. */
import type { TrainSettings } from '../../../electron/contract/training';

export const SWEPT_SETTING: Record<string, keyof TrainSettings> = {
  l1: 'l1',
  l2: 'l2',
  lr: 'lr',
  batch: 'batchSize',
  optimizer: 'optimizer',
  epochs: 'epochs',
};
