/** Target, task, scaling and split settings. Each control applies at once (split: on Apply). */
import { plural } from '../../src/plural';
import { useState } from 'react';
import {
  SCALINGS,
  type DatasetOptionsPatch,
  type DatasetSummaryData,
} from '../../../electron/contract';

interface Props {
  summary: DatasetSummaryData;
  busy: boolean;
  onChange(patch: DatasetOptionsPatch): void;
  /** Choose a separate test file (true) or go back to the split (false). */
  onTestFile?(choose: boolean): void;
}

const SCALING_LABELS = {
  standardize: 'standardize (mean 0, std 1)',
  minmax: 'min-max (0 to 1)',
  none: 'none',
};

export function Settings({ summary, busy, onChange, onTestFile }: Props) {
  const o = summary.options;
  const target = summary.target?.name ?? '';
  return (
    <div className="data-settings">
      <label>
        Target column{' '}
        <select
          aria-label="Target column"
          value={target}
          disabled={busy}
          onChange={(e) => onChange({ target: e.target.value })}
        >
          {summary.preview.header.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <label>
        Task{' '}
        <select
          aria-label="Task"
          value={o.task}
          disabled={busy}
          onChange={(e) => onChange({ task: e.target.value as DatasetOptionsPatch['task'] })}
        >
          <option value="auto">detect ({summary.target?.task ?? '—'})</option>
          <option value="classification">classification</option>
          <option value="regression">regression</option>
        </select>
      </label>
      <label>
        Scaling{' '}
        <select
          aria-label="Scaling"
          value={o.scaling}
          disabled={busy}
          onChange={(e) => onChange({ scaling: e.target.value as DatasetOptionsPatch['scaling'] })}
        >
          {SCALINGS.map((s) => (
            <option key={s} value={s}>
              {SCALING_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <SplitEditor
        key={`${o.split.train}-${o.split.validation}-${o.split.test}`}
        summary={summary}
        busy={busy}
        onChange={onChange}
      />
      <TestFileRow summary={summary} busy={busy} onTestFile={onTestFile} />
      <label className="check">
        <input
          type="checkbox"
          checked={o.shuffle}
          disabled={busy}
          onChange={(e) => onChange({ shuffle: e.target.checked })}
        />{' '}
        Shuffle
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={o.stratify}
          disabled={busy}
          onChange={(e) => onChange({ stratify: e.target.checked })}
        />{' '}
        Stratify by class
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={o.dropDuplicates}
          disabled={busy}
          onChange={(e) => onChange({ dropDuplicates: e.target.checked })}
        />{' '}
        Drop duplicate rows
      </label>
    </div>
  );
}

function TestFileRow({
  summary,
  busy,
  onTestFile,
}: Pick<Props, 'summary' | 'busy' | 'onTestFile'>) {
  if (!onTestFile) return null;
  const file = summary.split?.testFile;
  return (
    <div className="row test-file">
      {file ? (
        <>
          <span>
            Test rows from {file.name} ({plural(file.rows, 'row')}
            {file.leftOut ? `, ${file.leftOut} left out` : ''}); the split above gives training and
            validation.
          </span>
          <button type="button" disabled={busy} onClick={() => onTestFile(false)}>
            Remove test file
          </button>
        </>
      ) : (
        <button type="button" disabled={busy} onClick={() => onTestFile(true)}>
          Use a separate test file…
        </button>
      )}
    </div>
  );
}

function SplitEditor({ summary, busy, onChange }: Props) {
  const s = summary.options.split;
  const pct = (x: number) => String(Math.round(x * 100));
  const [train, setTrain] = useState(pct(s.train));
  const [val, setVal] = useState(pct(s.validation));
  const [test, setTest] = useState(pct(s.test));
  const [seed, setSeed] = useState(String(summary.options.seed));
  const nums = [train, val, test].map(Number);
  const sum = nums.reduce((a, b) => a + b, 0);
  const seedOk = /^\d{1,9}$/.test(seed);
  const error =
    nums.some((n) => !Number.isFinite(n) || n < 0) || sum !== 100
      ? `The three parts must add up to 100 % (now ${sum} %).`
      : !(nums[0]! > 0)
        ? 'The training part must be above 0 %.'
        : !seedOk
          ? 'The seed is a whole number.'
          : null;
  const field = (label: string, value: string, set: (v: string) => void) => (
    <label>
      {label}{' '}
      <input
        aria-label={label}
        className="pct"
        inputMode="numeric"
        value={value}
        disabled={busy}
        onChange={(e) => set(e.target.value)}
      />
    </label>
  );
  return (
    <fieldset className="split-editor">
      <legend>Split</legend>
      {field('Training %', train, setTrain)}
      {field('Validation %', val, setVal)}
      {field('Test %', test, setTest)}
      {field('Seed', seed, setSeed)}
      <button
        type="button"
        disabled={busy || error !== null}
        onClick={() =>
          onChange({
            split: { train: nums[0]! / 100, validation: nums[1]! / 100, test: nums[2]! / 100 },
            seed: Number(seed),
          })
        }
      >
        Apply split
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
