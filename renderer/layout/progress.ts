/**
 * The words for a run's progress, shared by the toolbar and the Training tab so that both say
 * the same thing. Pure: a run view in, text out.
 *
 * The ETA is honest: none unless the run is actually training, and never stretched by the time
 * it spent paused. The worker's `elapsedMs` is wall time since the fit began (pauses included),
 * so the time per epoch is taken from the gaps between consecutive epochs: a pause lengthens
 * only the gap it falls in, and the lower median of the last few gaps ignores it.
 *
 *   per epoch ≈ lowerMedian(eᵢ − eᵢ₋₁ for the last 5 epochs),  ETA = (N − i) × per epoch
 */
import type { RunView } from '../store/training';

export type ProgressState = RunView['state'] | 'idle';

export interface ProgressText {
  state: ProgressState;
  /** "Training", "Paused", "Finished", …; "Not started" without a run. */
  words: string;
  /** Epochs finished and planned; 0/0 without a run. */
  epoch: number;
  total: number;
  /** Wall time since the fit began (as the worker measured it), ms. */
  elapsedMs: number;
  /** Time left while training, ms; null whenever it would not be honest (paused, done, …). */
  etaMs: number | null;
  /** The short text for the toolbar: "Epoch 12/50 · 40 s left", "Paused at epoch 12/50". */
  short: string;
  /** The Training tab's line after the state word: "epoch 12/50 · batch 3/8 · …". */
  detail: string;
}

const WORDS: Record<ProgressState, string> = {
  idle: 'Not started',
  starting: 'Starting',
  running: 'Training',
  paused: 'Paused',
  stopping: 'Stopping',
  done: 'Finished',
};

/** Gaps looked at for the time per epoch. */
const WINDOW = 5;

/** "45 s", "3 min 20 s", "1 h 5 min". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/**
 * Milliseconds per epoch of actual training: the lower median of the last `WINDOW` gaps between
 * epochs (a pause inflates one gap, which a median with the lower middle never picks while any
 * other gap is known). Null before the first epoch.
 */
export function msPerEpoch(epochs: readonly { elapsedMs: number }[]): number | null {
  if (!epochs.length) return null;
  const from = Math.max(0, epochs.length - WINDOW);
  const gaps: number[] = [];
  for (let i = from; i < epochs.length; i++) {
    const prev = i > 0 ? epochs[i - 1]!.elapsedMs : 0;
    gaps.push(Math.max(0, epochs[i]!.elapsedMs - prev));
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)]!;
}

export function progressText(run: RunView | null): ProgressText {
  if (!run) {
    return {
      state: 'idle',
      words: WORDS.idle,
      epoch: 0,
      total: 0,
      elapsedMs: 0,
      etaMs: null,
      short: 'Not trained yet',
      detail: '',
    };
  }
  const last = run.epochs.at(-1);
  const total = run.settings.epochs;
  const epoch = last?.epoch ?? 0;
  const elapsedMs = last?.elapsedMs ?? 0;
  const perEpoch = msPerEpoch(run.epochs);
  const etaMs =
    run.state === 'running' && perEpoch !== null && epoch < total
      ? (total - epoch) * perEpoch
      : null;
  const words = WORDS[run.state];
  const at = `epoch ${epoch}/${total}`;
  const eta = etaMs !== null ? ` · about ${duration(etaMs)} left` : '';

  // Short: the toolbar has little room. Running is implied by the Pause button beside it.
  let short: string;
  if (run.state === 'paused' || run.state === 'stopping') short = `${words} at ${at}`;
  else if (run.state === 'done') short = doneWords(run, epoch, total);
  else if (run.state === 'starting') short = `Starting · ${at}`;
  else short = `Epoch ${epoch}/${total}${etaMs !== null ? ` · ${duration(etaMs)} left` : ''}`;

  const b = run.batch;
  // Samples per second only while batches run: a paused run's last figure would be stale.
  const batch =
    b && run.state === 'running'
      ? ` · batch ${b.batch}/${b.batches} · ${Math.round(b.samplesPerSec).toLocaleString('en-US')} samples/s`
      : '';
  const detail = `${at}${batch} · ${duration(elapsedMs)} elapsed${eta}`;
  return { state: run.state, words, epoch, total, elapsedMs, etaMs, short, detail };
}

/** "Finished · epoch 50/50", "Stopped at epoch 7/50", "Diverged at epoch 3/50". */
function doneWords(run: RunView, epoch: number, total: number): string {
  switch (run.done?.reason) {
    case 'stopped':
      return `Stopped at epoch ${epoch}/${total}`;
    case 'diverged':
      return `Diverged at epoch ${epoch}/${total}`;
    case 'failed':
      return `Failed at epoch ${epoch}/${total}`;
    default:
      return `Finished · epoch ${epoch}/${total}`;
  }
}
