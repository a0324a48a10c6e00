/**
 * Coalesces a run's worker events into at most one progress message per interval (50 ms →
 * ≤ 20 a second, whatever the batch rate). Epochs and alerts are queued and all delivered, in
 * order; only intermediate batch progress is dropped (the latest one is kept).
 */
import type { RunAlert, RunBackend, RunEpoch, RunProgress } from '../../contract/training';

type State = RunProgress['state'];

export interface Timer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: Timer = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Coalescer {
  private epochs: RunEpoch[] = [];
  private alerts: RunAlert[] = [];
  private batch: RunProgress['batch'] = null;
  private backend: RunBackend | null = null;
  private state: State = 'starting';
  private dirty = false;
  private handle: unknown = null;
  private lastFlush = -Infinity;

  constructor(
    private readonly runId: string,
    private readonly send: (p: RunProgress) => void,
    private readonly intervalMs = 50,
    private readonly timer: Timer = realTimer,
    private readonly now: () => number = () => Date.now(),
  ) {}

  epoch(e: RunEpoch): void {
    this.epochs.push(e);
    this.touch();
  }

  alert(a: RunAlert): void {
    this.alerts.push(a);
    this.touch();
  }

  /** The backend the worker chose (sent once, with the next message). */
  chosen(b: RunBackend): void {
    this.backend = b;
    this.touch();
  }

  progress(b: NonNullable<RunProgress['batch']>): void {
    this.batch = b;
    this.touch();
  }

  setState(s: State): void {
    if (s === this.state) return;
    this.state = s;
    this.touch();
  }

  /** Sends whatever is pending now (at the end of a run, before the done event). */
  flush(): void {
    if (this.handle !== null) this.timer.clear(this.handle);
    this.handle = null;
    if (!this.dirty) return;
    this.dirty = false;
    this.lastFlush = this.now();
    const msg: RunProgress = {
      runId: this.runId,
      state: this.state,
      epochs: this.epochs,
      batch: this.batch,
      alerts: this.alerts,
      ...(this.backend ? { backend: this.backend } : {}),
    };
    this.backend = null;
    this.epochs = [];
    this.alerts = [];
    this.batch = null;
    this.send(msg);
  }

  private touch(): void {
    this.dirty = true;
    if (this.handle !== null) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    this.handle = this.timer.set(() => {
      this.handle = null;
      this.flush();
    }, wait);
  }
}
