/**
 * The worker's side of the decision boundary: what the renderer watches (plane, node, seed), the
 * evaluator for the current session's trainer, and the pacing — a frame after an epoch at most
 * every 200 ms (≤ 5 redraws a second, so training keeps its speed), and one at once when the
 * watch changes or a run ends (from the kept model). After "Train with N seeds" the watch may
 * name one seed's network instead (./boundary-seeds.ts).
 */
import type { Trainer } from '../../../engine/train/trainer';
import type { FromWorker } from './protocol';
import { BoundaryEvaluator, type BoundaryData, type BoundaryWatch } from './boundary-eval';
import type { SeedModels } from './boundary-seeds';

const FRAME_EVERY_MS = 200;

export class BoundaryWatcher {
  private watch: BoundaryWatch | null = null;
  private model: { trainer: Trainer; data: BoundaryData } | null = null;
  private evaluator: BoundaryEvaluator | null = null;
  private seeds: SeedModels | null = null;
  private seedEvaluator: BoundaryEvaluator | null = null;
  private last = 0;
  private epoch = 0;

  constructor(private readonly post: (m: FromWorker) => void) {}

  /** A new watch (null: stop); a frame follows at once when a model is there. */
  set(watch: BoundaryWatch | null): void {
    this.watch = watch;
    if (watch && this.evaluator && !this.evaluator.serves(watch)) this.evaluator = null;
    if (watch && this.seedEvaluator && !this.seedEvaluator.serves(watch)) this.seedEvaluator = null;
    this.now();
  }

  /** The session's trainer and data (a new run replaces the previous model and its seeds). */
  attach(trainer: Trainer, data: BoundaryData): void {
    this.model = { trainer, data };
    this.evaluator = null;
    this.seeds = null;
    this.seedEvaluator = null;
    this.epoch = 0;
  }

  /** The networks of a seeds analysis of the attached model; a frame follows when watched. */
  setSeeds(seeds: SeedModels | null): void {
    this.seeds = seeds;
    this.seedEvaluator = null;
    this.now();
  }

  /** After an epoch: a frame unless one went out less than 200 ms ago. */
  onEpoch(epoch: number): void {
    this.epoch = epoch;
    if (!this.watch || Date.now() - this.last < FRAME_EVERY_MS) return;
    this.now();
  }

  /** A frame now (watch changed, run ended). */
  now(epoch = this.epoch): void {
    this.epoch = epoch;
    const { watch, model } = this;
    if (!watch || !model) return;
    try {
      const seeds = this.seeds;
      const index = watch.seed ?? null;
      const seedTrainer = seeds && index !== null ? seeds.trainerOf(index) : null;
      let evaluator: BoundaryEvaluator;
      if (seedTrainer) {
        evaluator = this.seedEvaluator ??= new BoundaryEvaluator(seedTrainer, model.data, watch);
      } else {
        evaluator = this.evaluator ??= new BoundaryEvaluator(model.trainer, model.data, watch);
      }
      const shown = seedTrainer ? index : null;
      const frameEpoch = shown !== null ? seeds!.finals[shown]!.epochs : epoch;
      this.last = Date.now();
      const frame = evaluator.frame(frameEpoch, watch.nodeId);
      this.post({
        type: 'boundary',
        frame: { ...frame, seeds: seeds ? { shown, list: seeds.finals } : null },
      });
    } catch (err) {
      // A plane the data cannot give is a message, never a failed run.
      this.watch = null;
      this.post({
        type: 'boundaryFailed',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
}
