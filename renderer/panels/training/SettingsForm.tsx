/** Training settings, checked against the contract's schema as they are typed. */
import {
  OPTIMIZERS,
  SCHEDULES,
  trainSettingsSchema,
  type TrainSettings,
} from '../../../electron/contract/training';
import { useTrainingStore } from '../../store/training';
import { NumberField, fromSchema } from '../NumberField';
import { AugmentFields } from './AugmentFields';
import { TRAINING_HELP } from '../help/trainingHelp';
import { CheckField, SelectField } from '../help/fields';
import { z } from 'zod';

const minDeltaSchema = z.number().min(0, 'the minimum improvement cannot be negative').max(1000);
const patienceSchema = z
  .number()
  .int('patience must be a whole number')
  .min(1, 'patience must be at least 1')
  .max(10_000);

const OPTIMIZER_LABELS = {
  sgd: 'SGD',
  momentum: 'SGD + momentum',
  rmsprop: 'RMSprop',
  adam: 'Adam',
} as const;
const OPTIMIZER_OPTIONS = OPTIMIZERS.map((value) => ({ value, label: OPTIMIZER_LABELS[value] }));
const SCHEDULE_OPTIONS = SCHEDULES.map((value) => ({ value, label: value }));

type NumKey = 'epochs' | 'batchSize' | 'lr' | 'l1' | 'l2' | 'seed';

function NumberSetting({
  name,
  label,
  step,
  disabled,
}: {
  name: NumKey;
  label: string;
  step: number;
  disabled: boolean;
}) {
  const value = useTrainingStore((s) => s.settings[name]);
  return (
    <NumberField
      id={`train-${name}`}
      className="field compact"
      label={label}
      help={TRAINING_HELP[name]}
      value={value}
      step={step}
      disabled={disabled}
      parse={fromSchema(trainSettingsSchema.shape[name])}
      onValid={(v) =>
        useTrainingStore.getState().setSettings({ [name]: v } as Partial<TrainSettings>)
      }
    />
  );
}

export function SettingsForm({ disabled }: { disabled: boolean }) {
  const s = useTrainingStore((st) => st.settings);
  const set = useTrainingStore((st) => st.setSettings);
  const es = s.earlyStopping;
  return (
    <form
      className="train-settings"
      aria-label="Training settings"
      onSubmit={(e) => e.preventDefault()}
    >
      <NumberSetting name="epochs" label="Epochs" step={1} disabled={disabled} />
      <NumberSetting name="batchSize" label="Batch size" step={1} disabled={disabled} />
      <SelectField
        id="train-optimizer"
        className="field compact"
        label="Optimizer"
        help={TRAINING_HELP.optimizer}
        value={s.optimizer}
        options={OPTIMIZER_OPTIONS}
        disabled={disabled}
        onChange={(optimizer) => set({ optimizer })}
      />
      <NumberSetting name="lr" label="Learning rate" step={0.001} disabled={disabled} />
      <SelectField
        id="train-schedule"
        className="field compact"
        label="Schedule"
        help={TRAINING_HELP.schedule}
        value={s.schedule}
        options={SCHEDULE_OPTIONS}
        disabled={disabled}
        onChange={(schedule) => set({ schedule })}
      />
      <NumberSetting name="l1" label="L1 λ" step={0.0001} disabled={disabled} />
      <NumberSetting name="l2" label="L2 λ" step={0.0001} disabled={disabled} />
      <NumberSetting name="seed" label="Seed" step={1} disabled={disabled} />
      <CheckField
        id="train-early-stopping"
        className="field compact check"
        label={`Early stopping${es ? ', restoring the best epoch' : ''}`}
        help={TRAINING_HELP.earlyStopping}
        checked={es !== null}
        disabled={disabled}
        onChange={(on) =>
          set({ earlyStopping: on ? { patience: 10, minDelta: 0, restoreBest: true } : null })
        }
      />
      {es && (
        <NumberField
          id="train-patience"
          className="field compact"
          label="Patience (epochs)"
          help={TRAINING_HELP.patience}
          value={es.patience}
          step={1}
          disabled={disabled}
          parse={fromSchema(patienceSchema)}
          onValid={(patience) => set({ earlyStopping: { ...es, patience } })}
        />
      )}
      {es && (
        <NumberField
          id="train-min-delta"
          className="field compact"
          label="Min. improvement"
          help={TRAINING_HELP.minDelta}
          value={es.minDelta}
          step={0.0001}
          disabled={disabled}
          parse={fromSchema(minDeltaSchema)}
          onValid={(minDelta) => set({ earlyStopping: { ...es, minDelta } })}
        />
      )}
      <AugmentFields disabled={disabled} />
    </form>
  );
}
