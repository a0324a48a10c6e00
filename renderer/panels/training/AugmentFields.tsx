/**
 * Data augmentation, applied to training batches only: Gaussian noise on the (standardized)
 * features and mixup for table rows; flips, shifts, zoom and brightness when the rows are images.
 */
import { z } from 'zod';
import type { TrainSettings } from '../../../electron/contract/training';
import { useDataStore } from '../../store/data';
import { useTrainingStore } from '../../store/training';
import { NumberField, fromSchema } from '../NumberField';
import { AugmentPreview } from './AugmentPreview';
import { TRAINING_HELP } from '../help/trainingHelp';
import { CheckField } from '../help/fields';

type Augment = NonNullable<TrainSettings['augment']>;
const OFF: Augment = { noise: null, mixup: null, image: null };

const sigma = z.number().min(0, 'σ cannot be negative').max(10);
const alpha = z.number().gt(0, 'α must be above 0').max(10);
const size = z.number().int('a whole number of pixels').min(1).max(4096);

export function AugmentFields({ disabled }: { disabled: boolean }) {
  const a = useTrainingStore((s) => s.settings.augment) ?? OFF;
  const seed = useTrainingStore((s) => s.settings.seed);
  const set = (patch: Partial<Augment>) => {
    const next = { ...a, ...patch };
    useTrainingStore.getState().setSettings({
      augment: next.noise === null && next.mixup === null && next.image === null ? null : next,
    });
  };
  const img = a.image;
  const found = useDataStore((st) => st.summary?.image ?? null);
  // Image rows with a class target (digits, letters): a mirrored 2 is no 2, so no flips.
  const classes = useDataStore((st) => st.summary?.target?.task === 'classification');
  const keepsClass = found !== null && classes;
  return (
    <fieldset className="augment" disabled={disabled}>
      <legend>Data augmentation (training batches only)</legend>
      <CheckField
        id="aug-noise-on"
        className="field compact check"
        label="Gaussian noise"
        help={TRAINING_HELP.noise}
        checked={a.noise !== null}
        onChange={(on) => set({ noise: on ? 0.1 : null })}
      />
      {a.noise !== null && (
        <NumberField
          id="aug-noise"
          className="field compact"
          label="Noise σ"
          help={TRAINING_HELP.noiseSigma}
          value={a.noise}
          step={0.05}
          parse={fromSchema(sigma)}
          onValid={(noise) => set({ noise })}
        />
      )}
      <CheckField
        id="aug-mixup-on"
        className="field compact check"
        label="Mixup"
        help={TRAINING_HELP.mixup}
        checked={a.mixup !== null}
        onChange={(on) => set({ mixup: on ? 0.2 : null })}
      />
      {a.mixup !== null && (
        <NumberField
          id="aug-mixup"
          className="field compact"
          label="Mixup α"
          help={TRAINING_HELP.mixupAlpha}
          value={a.mixup}
          step={0.05}
          parse={fromSchema(alpha)}
          onValid={(mixup) => set({ mixup })}
        />
      )}
      <CheckField
        id="aug-image-on"
        className="field compact check"
        label="Rows are images"
        help={TRAINING_HELP.images}
        checked={img !== null}
        onChange={(on) =>
          set({
            image: on
              ? {
                  width: found?.width ?? 8,
                  height: found?.height ?? 8,
                  channels: found?.channels ?? 1,
                  flip: !keepsClass,
                  shift: 1,
                  scale: 0.1,
                  brightness: 0.1,
                }
              : null,
          })
        }
      />
      {img && (
        <>
          <NumberField
            id="aug-w"
            className="field compact"
            label="Width"
            help={TRAINING_HELP.width}
            value={img.width}
            step={1}
            parse={fromSchema(size)}
            onValid={(width) => set({ image: { ...img, width } })}
          />
          <NumberField
            id="aug-h"
            className="field compact"
            label="Height"
            help={TRAINING_HELP.height}
            value={img.height}
            step={1}
            parse={fromSchema(size)}
            onValid={(height) => set({ image: { ...img, height } })}
          />
          <NumberField
            id="aug-c"
            className="field compact"
            label="Channels"
            help={TRAINING_HELP.channels}
            value={img.channels}
            step={1}
            parse={fromSchema(z.number().int('a whole number').min(1).max(4))}
            onValid={(channels) => set({ image: { ...img, channels } })}
          />
          <CheckField
            id="aug-flip"
            className="field compact check"
            label="Random flips"
            help={TRAINING_HELP.flip}
            checked={img.flip}
            onChange={(flip) => set({ image: { ...img, flip } })}
          />
          {keepsClass && (
            <p className="note augment-note" role="note">
              {img.flip
                ? 'Flipping can change the class of a digit or letter (a mirrored 2 is no 2).'
                : 'Flips are off: a mirrored digit or letter can be another class.'}{' '}
              Shifts of a pixel or two keep the class: try those instead.
            </p>
          )}
          <NumberField
            id="aug-shift"
            className="field compact"
            label="Shift (px)"
            help={TRAINING_HELP.shift}
            value={img.shift}
            step={1}
            parse={fromSchema(z.number().int().min(0).max(64))}
            onValid={(shift) => set({ image: { ...img, shift } })}
          />
          <NumberField
            id="aug-scale"
            className="field compact"
            label="Zoom ±"
            help={TRAINING_HELP.zoom}
            value={img.scale}
            step={0.05}
            parse={fromSchema(z.number().min(0).lt(1, 'zoom must be below 1'))}
            onValid={(scale) => set({ image: { ...img, scale } })}
          />
          <NumberField
            id="aug-bright"
            className="field compact"
            label="Brightness ±"
            help={TRAINING_HELP.brightness}
            value={img.brightness}
            step={0.05}
            parse={fromSchema(z.number().min(0).max(10))}
            onValid={(brightness) => set({ image: { ...img, brightness } })}
          />
        </>
      )}
      {(a.noise !== null || a.mixup !== null || img !== null) && (
        <AugmentPreview augment={a} seed={seed} />
      )}
    </fieldset>
  );
}
