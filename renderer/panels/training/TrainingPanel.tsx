/**
 * The Training tab: settings, Train / Pause / Resume / Stop / Step, progress (epoch, batch,
 * samples/s, elapsed, ETA, backend), live training-vs-validation charts, alerts and the result.
 */
import { useMemo, useState } from 'react';
import { usePlatform } from '../../src/platform';
import { describeError } from '../../src/errors';
import { useDataStore } from '../../store/data';
import { SweepDialog } from '../sweep/SweepDialog';
import { useGraphAnalysis } from '../../store/analysis';
import {
  isTraining,
  useNetworkChanged,
  useOtherDataset,
  useTrainingStore,
  type RunView,
} from '../../store/training';
import { useUiStore } from '../../store/ui';
import { CurveChart } from '../../charts/CurveChart';
import { useThrottled } from '../../charts/useThrottled';
import { SettingsForm } from './SettingsForm';
import { DatasetMark } from './DatasetMark';
import { Evaluation } from './Evaluation';
import { Alerts } from './Alerts';
import { Runs, networkDiff } from './Runs';
import { PredictForm } from './PredictForm';
import { useModelsUi } from '../models/store';
import { WeightsView } from './WeightsView';
import { exportRunCsv } from '../compare/actions';
import { ModelAnalyses } from '../diagnostics/ModelAnalyses';
import { NumberField, fromSchema } from '../NumberField';
import { TRAINING_HELP } from '../help/trainingHelp';
import { Hint } from '../help/Hint';
import { z } from 'zod';
import { controlTraining, startTraining, type RunAction } from '../../commands/training';
import type { BackendPreference } from '../../../electron/contract/training';
import { progressText } from '../../layout/progress';

function ProgressLine({ run }: { run: RunView }) {
  const p = progressText(run);
  return (
    <p className="train-progress" role="status" aria-label="Training progress">
      <strong>{p.words}</strong> · {p.detail}
      {` · backend ${run.backend === 'gpu' ? 'gpu.js' : 'CPU'}`}
      {run.backendKernel ? ` (${run.backendKernel})` : ''}
      {run.backendReason && (
        <>
          <br />
          <span className="muted" aria-label="Backend choice">
            {run.backendReason}
          </span>
        </>
      )}
    </p>
  );
}

/** auto (measured: the faster of CPU and gpu.js), CPU, or gpu.js through a GL context. */
function BackendSelect({ disabled }: { disabled: boolean }) {
  const value = useTrainingStore((s) => s.backendPreference);
  return (
    <label className="field compact">
      <span className="field-label">
        Backend
        <Hint id="train-backend-help" label="Backend" text={TRAINING_HELP.backend} />
      </span>
      <select
        aria-label="Backend"
        aria-describedby="train-backend-help"
        value={value}
        disabled={disabled}
        onChange={(e) =>
          useTrainingStore.getState().setBackendPreference(e.target.value as BackendPreference)
        }
      >
        <option value="auto">auto (faster, measured)</option>
        <option value="cpu">CPU</option>
        <option value="gpu">gpu.js (needs a GL context)</option>
      </select>
    </label>
  );
}

/** " (network: dense_1 units 32 → 4)" for an overlaid run trained on another network. */
function overlayNote(r: RunView, shown: RunView): string {
  const diff = networkDiff(r, shown);
  if (diff === null) return ' (network not recorded)';
  return diff.length ? ` (network: ${diff.join('; ')})` : '';
}

const NO_EPOCHS: RunView['epochs'] = [];
const NO_ALERTS: RunView['alerts'] = [];

const lrSchema = z
  .number()
  .gt(0, 'the learning rate must be above 0')
  .max(10, 'the learning rate must be at most 10');

/** Change the learning rate while training runs; it applies from the next batch. */
function LiveLearningRate({ runId, current }: { runId: string; current: number }) {
  const { api } = usePlatform();
  return (
    <NumberField
      id="live-lr"
      className="field compact"
      label={`Learning rate now (${current.toPrecision(3)})`}
      help={TRAINING_HELP.liveLr}
      value={current}
      step={0.001}
      parse={fromSchema(lrSchema)}
      onValid={(lr) =>
        void api.invoke('training:setLearningRate', { runId, lr }).then(
          () => useUiStore.getState().notify(`Learning rate set to ${lr} from the next batch.`),
          (err: unknown) => useUiStore.getState().notify(describeError(err), 'error'),
        )
      }
    />
  );
}

export function TrainingPanel() {
  const platform = usePlatform();
  const { api } = platform;
  const summary = useDataStore((s) => s.summary);
  const analysis = useGraphAnalysis();
  const run = useTrainingStore((s) => s.current);
  const [compareIds, setCompareIds] = useState<string[]>([]);
  const history = useTrainingStore((s) => s.history);
  const compared = useMemo(
    () => history.filter((r) => r.runId !== run?.runId && compareIds.includes(r.runId)),
    [history, run?.runId, compareIds],
  );
  const overlays = useMemo(
    () => compared.map((r) => ({ runId: r.runId, epochs: r.epochs })),
    [compared],
  );
  const training = useTrainingStore(isTraining);
  // Results on show are the current run's model: marked once the canvas network differs.
  const networkChanged = useNetworkChanged(run);
  // Results of a dataset no longer loaded: marked, and kept away from what needs that dataset.
  const otherData = useOtherDataset(run);
  const current = otherData === null;
  const [log, setLog] = useState(false);
  // Charts redraw at most 5 times a second: enough to watch, cheap at 10,000 epochs.
  const chartEpochs = useThrottled(run?.epochs ?? NO_EPOCHS, run?.state === 'done' ? 0 : 200);
  const [error, setError] = useState<string | null>(null);
  const [sweeping, setSweeping] = useState(false);

  const blocker = !summary
    ? 'Open a dataset in the Data tab first.'
    : !summary.ready
      ? 'The dataset has problems to fix in the Data tab.'
      : !analysis.ok
        ? `The network has problems: ${analysis.problems[0]?.message ?? ''}`
        : null;

  // The same calls as the Train / Pause / Stop commands (menus, palette, Mod+Enter).
  async function train() {
    setError(null);
    setError(await startTraining(api));
  }

  const control = (action: RunAction) => (run ? controlTraining(api, action) : undefined);

  const metric =
    run?.done?.evaluation?.metrics.mae !== undefined || run?.epochs.at(-1)?.train.mae !== undefined
      ? 'mae'
      : 'acc';
  return (
    <section className="training-panel" aria-label="Training">
      <div className="train-side">
        <SettingsForm disabled={training} />
        <BackendSelect disabled={training} />
        <div className="train-buttons" role="group" aria-label="Training controls">
          <button
            type="button"
            className="primary"
            onClick={() => void train()}
            disabled={training || blocker !== null}
            title={blocker ?? undefined}
          >
            Train
          </button>
          {run?.state === 'paused' ? (
            <button type="button" onClick={() => void control('resume')}>
              Resume
            </button>
          ) : (
            <button type="button" onClick={() => void control('pause')} disabled={!training}>
              Pause
            </button>
          )}
          <button
            type="button"
            onClick={() => void control('step')}
            disabled={run?.state !== 'paused'}
            title="Run one more epoch, then pause"
          >
            Step one epoch
          </button>
          <button type="button" onClick={() => void control('stop')} disabled={!training}>
            Stop
          </button>
          <button
            type="button"
            onClick={() => setSweeping(true)}
            disabled={training || blocker !== null}
            title={blocker ?? 'Train variants of this network over one or two parameters'}
          >
            Sweep…
          </button>
        </div>
        {sweeping && <SweepDialog onClose={() => setSweeping(false)} />}
        {run && training && (
          <LiveLearningRate runId={run.runId} current={run.epochs.at(-1)?.lr ?? run.settings.lr} />
        )}
        {blocker && !training && <p className="muted">{blocker}</p>}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="train-main">
        {run ? (
          <>
            {otherData !== null && (
              <DatasetMark
                trainedOn={otherData}
                loaded={summary?.file.name ?? null}
                onRetrain={() => void train()}
                blocker={training ? 'A training is already running.' : blocker}
              />
            )}
            <ProgressLine run={run} />
            <div className="chart-options">
              <label className="check">
                <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />{' '}
                Log scale
              </label>
              <button
                type="button"
                className="link"
                disabled={run.epochs.length === 0}
                onClick={() => void exportRunCsv(platform, run.runId, run.epochs)}
              >
                Curves as CSV…
              </button>
              {compared.length > 0 && (
                <span className="muted">
                  Dashed: validation curves of{' '}
                  {compared.map((r) => r.runId + overlayNote(r, run)).join(', ')}
                </span>
              )}
            </div>
            <div className="charts">
              <CurveChart
                metric="loss"
                runId={run.runId}
                epochs={chartEpochs}
                alerts={run.alerts}
                log={log}
                compare={overlays}
              />
              <CurveChart
                metric={metric}
                runId={run.runId}
                epochs={chartEpochs}
                alerts={run.alerts}
                log={false}
                compare={overlays}
              />
              <CurveChart
                metric="lr"
                runId={run.runId}
                epochs={chartEpochs}
                alerts={NO_ALERTS}
                log={false}
              />
            </div>
            <Alerts run={run} />
            {run.done && run.done.reason !== 'completed' && run.done.message && (
              <p className={run.done.reason === 'stopped' ? 'muted' : 'warning'} role="alert">
                {run.done.message}
              </p>
            )}
            {run.done?.evaluation && (
              <Evaluation
                evaluation={run.done.evaluation}
                runId={run.runId}
                restoredEpoch={run.done.restoredEpoch}
                networkChanged={networkChanged}
              />
            )}
            {current && run.done?.evaluation && <ModelAnalyses runId={run.runId} />}
            {current && run.done?.evaluation && (
              <PredictForm runId={run.runId} networkChanged={networkChanged} />
            )}
            {current && run.done?.evaluation && (
              <button type="button" onClick={() => useModelsUi.getState().openExport()}>
                Export…
              </button>
            )}
            <WeightsView run={run} compared={compared[0] ?? null} networkChanged={networkChanged} />
            <Runs compareIds={compareIds} onCompare={setCompareIds} />
          </>
        ) : (
          <p className="muted">
            Set the training options and press Train. The curves of training and validation loss
            appear here as the network learns.
          </p>
        )}
      </div>
    </section>
  );
}
