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
      <label className="field compact check">
        <input
          type="checkbox"
          checked={a.noise !== null}
          onChange={(e) => set({ noise: e.target.checked ? 0.1 : null })}
        />
        Gaussian noise
      </label>
      {a.noise !== null && (
        <NumberField
          id="aug-noise"
          className="field compact"
          label="Noise σ"
          value={a.noise}
          step={0.05}
          parse={fromSchema(sigma)}
          onValid={(noise) => set({ noise })}
        />
      )}
      <label className="field compact check">
        <input
          type="checkbox"
          checked={a.mixup !== null}
          onChange={(e) => set({ mixup: e.target.checked ? 0.2 : null })}
        />
        Mixup
      </label>
      {a.mixup !== null && (
        <NumberField
          id="aug-mixup"
          className="field compact"
          label="Mixup α"
          value={a.mixup}
          step={0.05}
          parse={fromSchema(alpha)}
          onValid={(mixup) => set({ mixup })}
        />
      )}
      <label className="field compact check">
        <input
          type="checkbox"
          checked={img !== null}
          onChange={(e) =>
            set({
              image: e.target.checked
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
        Rows are images
      </label>
      {img && (
        <>
          <NumberField
            id="aug-w"
            className="field compact"
            label="Width"
            value={img.width}
            step={1}
            parse={fromSchema(size)}
            onValid={(width) => set({ image: { ...img, width } })}
          />
          <NumberField
            id="aug-h"
            className="field compact"
            label="Height"
            value={img.height}
            step={1}
            parse={fromSchema(size)}
            onValid={(height) => set({ image: { ...img, height } })}
          />
          <NumberField
            id="aug-c"
            className="field compact"
            label="Channels"
            value={img.channels}
            step={1}
            parse={fromSchema(z.number().int('a whole number').min(1).max(4))}
            onValid={(channels) => set({ image: { ...img, channels } })}
          />
          <label className="field compact check">
            <input
              type="checkbox"
              checked={img.flip}
              onChange={(e) => set({ image: { ...img, flip: e.target.checked } })}
            />
            Random flips
          </label>
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
            value={img.shift}
            step={1}
            parse={fromSchema(z.number().int().min(0).max(64))}
            onValid={(shift) => set({ image: { ...img, shift } })}
          />
          <NumberField
            id="aug-scale"
            className="field compact"
            label="Zoom ±"
            value={img.scale}
            step={0.05}
            parse={fromSchema(z.number().min(0).lt(1, 'zoom must be below 1'))}
            onValid={(scale) => set({ image: { ...img, scale } })}
          />
          <NumberField
            id="aug-bright"
            className="field compact"
            label="Brightness ±"
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
