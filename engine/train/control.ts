/**
 * Live control of a running fit, honoured between batches: pause / resume / stop, "step one
 * epoch" (run to the end of the current epoch, then pause) and a new learning rate that applies
 * from the next batch. The host (e.g. a worker thread receiving IPC messages) calls these; the
 * trainer awaits `waitWhilePaused` before each batch.
 */
export type RunState = 'running' | 'paused' | 'stopping';

export class TrainingControl {
  private _state: RunState = 'running';
  private wake: (() => void) | null = null;
  private pendingLr: number | null = null;
  private stepping = false;

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
    this.stepping = false;
    this.release();
  }

  /**
   * Runs until the end of the current epoch, then pauses (when paused at an epoch's start, that
   * is exactly one epoch). Ignored while stopping.
   */
  stepEpoch(): void {
    if (this._state === 'stopping') return;
    this.stepping = true;
    this.resume();
  }

  /** Whether a step is in progress (the trainer pauses at the end of this epoch). */
  get steppingEpoch(): boolean {
    return this.stepping;
  }

  /**
   * Sets the learning rate for the next batch on (the trainer emits an `lr` event when it applies
   * it); throws on a rate that is not a number > 0. A schedule then continues from the new rate:
   * η(e) = η_new · s(e) / s(e_now), s the schedule's factor for a base rate of 1 (exact for
   * constant, step, exponential and cosine without minLr).
   */
  setLearningRate(lr: number): void {
    if (!(Number.isFinite(lr) && lr > 0))
      throw new RangeError(`learning rate must be a number > 0, got ${lr}`);
    this.pendingLr = lr;
  }

  /** For the trainer: the learning rate set since the last call, or null. */
  takeLearningRate(): number | null {
    const lr = this.pendingLr;
    this.pendingLr = null;
    return lr;
  }

  /** For the trainer, at the end of an epoch: pauses when a step was requested. */
  endOfEpoch(): void {
    if (!this.stepping) return;
    this.stepping = false;
    this.pause();
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
