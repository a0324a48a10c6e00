/**
 * Training from the toolbar, whichever tab is shown: Train, Pause / Resume, Stop, where the run
 * is (the same words as the Training tab, from progressText) and its latest alert, which opens
 * the Training tab at the alert. The buttons carry "(toolbar)" in their accessible names so that
 * they are never mistaken for the Training tab's own.
 */
import { memo, useEffect, useState } from 'react';
import { usePlatform } from '../src/platform';
import { useUiStore } from '../store/ui';
import { isTraining, useTrainingStore } from '../store/training';
import { controlTraining, startTraining, trainBlocker } from '../commands/training';
import { useGraphAnalysis } from '../store/analysis';
import { useDataStore } from '../store/data';
import { ALERT_TITLES } from '../panels/training/Alerts';
import { progressText } from './progress';
import { revealPane } from './store';

/** Shows the Training tab (opening the dock) and scrolls the newest alert into view. */
function openAlert(): void {
  useUiStore.getState().showTab('training');
  revealPane('dock');
  // After the tab has rendered its alerts.
  requestAnimationFrame(() => {
    const alert = document.querySelector<HTMLElement>('.alerts > li:last-child');
    alert?.scrollIntoView({ block: 'nearest' });
    alert?.classList.add('flash');
    setTimeout(() => alert?.classList.remove('flash'), 1200);
  });
}

/** Redraws of the run's words at most this often: a fast run sends hundreds of messages a second. */
const TEXT_MS = 250;

/**
 * The current run, read at most every `ms` (the latest always lands). Unlike a selector, this
 * does not render the toolbar for every progress message of a fast run.
 */
function useRunEvery(ms: number) {
  const [run, setRun] = useState(() => useTrainingStore.getState().current);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = useTrainingStore.subscribe(() => {
      timer ??= setTimeout(() => {
        timer = null;
        setRun(useTrainingStore.getState().current);
      }, ms);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [ms]);
  return run;
}

export const TrainingStatus = memo(function TrainingStatus() {
  const { api } = usePlatform();
  const run = useRunEvery(TEXT_MS);
  // The buttons follow the state at once (it changes rarely).
  const training = useTrainingStore(isTraining);
  const state = useTrainingStore((s) => s.current?.state);
  // Re-render when what blocks Train may change: the dataset or the network's analysis (which,
  // unlike the graph, does not change while nodes are dragged).
  useDataStore((s) => s.summary);
  useGraphAnalysis();
  const blocked = training ? null : trainBlocker();
  const p = progressText(run);
  const alert = run?.alerts.at(-1);
  return (
    <div className="toolbar-training" role="group" aria-label="Training (toolbar)">
      {!training ? (
        <button
          type="button"
          className="primary"
          aria-label="Train (toolbar)"
          title={blocked ?? 'Train the network on the dataset'}
          disabled={blocked !== null}
          // Unlike Train in the menus, the shown tab stays: the toolbar itself shows the run.
          onClick={() =>
            void startTraining(api).then(
              (error) => error && useUiStore.getState().notify(error, 'error'),
            )
          }
        >
          ▶ Train
        </button>
      ) : state === 'paused' ? (
        <button
          type="button"
          aria-label="Resume training (toolbar)"
          onClick={() => void controlTraining(api, 'resume')}
        >
          ▶ Resume
        </button>
      ) : (
        <button
          type="button"
          aria-label="Pause training (toolbar)"
          disabled={state !== 'running'}
          onClick={() => void controlTraining(api, 'pause')}
        >
          ❚❚ Pause
        </button>
      )}
      <button
        type="button"
        aria-label="Stop training (toolbar)"
        disabled={!training}
        onClick={() => void controlTraining(api, 'stop')}
      >
        ■ Stop
      </button>
      {run && (
        <span
          className={`run-state run-${p.state}`}
          role="status"
          aria-label="Run status"
          title={p.short}
        >
          {p.short}
        </span>
      )}
      {alert && (
        <button
          type="button"
          className="link run-alert"
          aria-label={`Latest alert: ${ALERT_TITLES[alert.kind] ?? alert.kind} at epoch ${alert.epoch}. Open it in the Training tab`}
          title={alert.message}
          onClick={openAlert}
        >
          ⚠ {ALERT_TITLES[alert.kind] ?? alert.kind}
        </button>
      )}
    </div>
  );
});
