/**
 * Pause / resume / stop for a running fit, honoured between batches. The host (e.g. a worker
 * thread receiving IPC messages) calls these; the trainer awaits `waitWhilePaused` before each batch.
 */
export type RunState = 'running' | 'paused' | 'stopping';

export class TrainingControl {
  private _state: RunState = 'running';
  private wake: (() => void) | null = null;

  get state(): RunState {
    return this._state;
  }

  pause(): void {
    if (this._state === 'running') this._state = 'paused';
  }

  resume(): void {
    if (this._state === 'paused') {
      this._state = 'running';
      this.release();
    }
  }

  /** Ends the fit after the current batch (also from paused). */
  stop(): void {
    this._state = 'stopping';
    this.release();
  }

  /** Resolves when not paused (immediately if running or stopping). */
  waitWhilePaused(): Promise<void> {
    if (this._state !== 'paused') return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private release(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }
}
