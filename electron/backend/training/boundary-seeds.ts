/**
 * The networks "Train with N seeds" trained, kept in the worker so the Boundary tab can show each
 * seed's decision boundary: a network's loss is not convex, and different initialisations end in
 * different functions. Only small networks are kept (SEED_VALUES_MAX parameters over all seeds,
 * 8 MB of floats); each is put back on one shared evaluation trainer when shown.
 */
import type { BoundarySeedFinal } from '../../contract/boundary';
import type { ModelSpec } from '../../../engine/train/spec';
import type { Trainer } from '../../../engine/train/trainer';

/** Parameters kept over all seeds (Float32: 4 bytes each). */
export const SEED_VALUES_MAX = 2_000_000;

export interface SeedModel {
  final: BoundarySeedFinal;
  weights: Float32Array[];
}

/** Whether `count` networks of `parameters` values each may be kept. */
export const keepsSeeds = (parameters: number, count: number): boolean =>
  parameters * count <= SEED_VALUES_MAX;

/** The seeds' networks, one trainer that wears the weights of the seed shown. */
export class SeedModels {
  private trainer: Trainer | null = null;
  private wearing = -1;

  constructor(
    readonly spec: ModelSpec,
    readonly models: readonly SeedModel[],
    private readonly make: (spec: ModelSpec) => Trainer,
  ) {}

  get finals(): BoundarySeedFinal[] {
    return this.models.map((m) => m.final);
  }

  /** The trainer holding seed `index`'s weights (null for an index out of range). */
  trainerOf(index: number): Trainer | null {
    const m = this.models[index];
    if (!m) return null;
    this.trainer ??= this.make(this.spec);
    if (this.wearing !== index) {
      this.trainer.network.setWeights(m.weights);
      this.wearing = index;
    }
    return this.trainer;
  }
}
