/** The app's augmentation settings as the engine's AugmentConfig (null when nothing is on). */
import type { AugmentConfig } from '../../../engine/train/augment';
import type { TrainSettings } from '../../contract/training';

export function augmentConfig(a: TrainSettings['augment'], seed: number): AugmentConfig | null {
  if (!a || (a.noise === null && a.mixup === null && a.image === null)) return null;
  return {
    seed,
    ...(a.noise !== null ? { noise: { sigma: a.noise } } : {}),
    ...(a.mixup !== null ? { mixup: { alpha: a.mixup } } : {}),
    ...(a.image !== null ? { image: a.image } : {}),
  };
}
