/** The app's augmentation settings as the engine's AugmentConfig (null when nothing is on). */
import type { PixelGrid } from '../../../engine/data/image';
import type { AugmentConfig } from '../../../engine/train/augment';
import type { TrainSettings } from '../../contract/training';

/** With `grid`, image operations run on the full pixel grid (constant pixel columns put back). */
export function augmentConfig(
  a: TrainSettings['augment'],
  seed: number,
  grid?: PixelGrid | null,
): AugmentConfig | null {
  if (!a || (a.noise === null && a.mixup === null && a.image === null)) return null;
  return {
    seed,
    ...(a.noise !== null ? { noise: { sigma: a.noise } } : {}),
    ...(a.mixup !== null ? { mixup: { alpha: a.mixup } } : {}),
    ...(a.image !== null ? { image: grid ? { ...a.image, grid } : a.image } : {}),
  };
}
