/**
 * Optimizers. Each holds its state buffers (allocated once, for the given params) and applies one
 * update per `step()` using the learning rate in `lr`, which a schedule may change between steps.
 *
 * - SGD:       w ← w − η·g
 * - Momentum:  v ← μ·v + g;  w ← w − η·v   (Nesterov: w ← w − η·(g + μ·v))
 * - RMSprop:   s ← ρ·s + (1−ρ)·g²;  w ← w − η·g / (√s + ε)
 * - Adam:      m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  w ← w − η·m̂ / (√v̂ + ε),
 *              m̂ = m / (1−β1ᵗ), v̂ = v / (1−β2ᵗ), t = 1, 2, … the update count
 */
import type { Backend } from '../backend/backend';
import type { Param } from '../layers/layer';

export type OptimizerName = 'sgd' | 'momentum' | 'rmsprop' | 'adam';

export interface OptimizerConfig {
  name: OptimizerName;
  lr: number;
  /** momentum μ (momentum; default 0.9) */
  momentum?: number;
  nesterov?: boolean;
  /** RMSprop decay ρ (default 0.9) */
  rho?: number;
  beta1?: number;
  beta2?: number;
  /** ε (RMSprop and Adam; default 1e-8, PyTorch's) */
  epsilon?: number;
}

export interface Optimizer {
  readonly name: OptimizerName;
  /** The learning rate used by the next step. */
  lr: number;
  /** Number of updates applied so far. */
  readonly steps: number;
  step(): void;
}

function check(
  name: string,
  value: number | undefined,
  ok: (v: number) => boolean,
  rule: string,
): void {
  if (value !== undefined && !(Number.isFinite(value) && ok(value))) {
    throw new RangeError(`${name} must be ${rule}, got ${value}`);
  }
}

abstract class Base implements Optimizer {
  abstract readonly name: OptimizerName;
  lr: number;
  steps = 0;
  constructor(
    protected readonly params: readonly Param[],
    protected readonly backend: Backend,
    lr: number,
  ) {
    check('learning rate', lr, (v) => v > 0, 'a number > 0');
    this.lr = lr;
  }
  protected state(): Float32Array[] {
    return this.params.map((p) => this.backend.allocLike(p.value));
  }
  step(): void {
    this.steps++;
    this.update();
  }
  protected abstract update(): void;
}

export class Sgd extends Base {
  readonly name = 'sgd';
  protected update(): void {
    for (const p of this.params) this.backend.sgdUpdate(p.value, p.grad, this.lr);
  }
}

export class Momentum extends Base {
  readonly name = 'momentum';
  readonly momentum: number;
  readonly nesterov: boolean;
  private readonly v: Float32Array[];
  constructor(
    params: readonly Param[],
    backend: Backend,
    lr: number,
    momentum = 0.9,
    nesterov = false,
  ) {
    super(params, backend, lr);
    check('momentum', momentum, (v) => v >= 0 && v < 1, 'at least 0 and below 1');
    this.momentum = momentum;
    this.nesterov = nesterov;
    this.v = this.state();
  }
  protected update(): void {
    for (let i = 0; i < this.params.length; i++) {
      const p = this.params[i]!;
      this.backend.momentumUpdate(
        p.value,
        p.grad,
        this.v[i]!,
        this.lr,
        this.momentum,
        this.nesterov,
      );
    }
  }
}

export class RmsProp extends Base {
  readonly name = 'rmsprop';
  private readonly s: Float32Array[];
  constructor(
    params: readonly Param[],
    backend: Backend,
    lr: number,
    readonly rho = 0.9,
    readonly epsilon = 1e-8,
  ) {
    super(params, backend, lr);
    check('rho', rho, (v) => v >= 0 && v < 1, 'at least 0 and below 1');
    check('epsilon', epsilon, (v) => v > 0, 'a number > 0');
    this.s = this.state();
  }
  protected update(): void {
    for (let i = 0; i < this.params.length; i++) {
      const p = this.params[i]!;
      this.backend.rmspropUpdate(p.value, p.grad, this.s[i]!, this.lr, this.rho, this.epsilon);
    }
  }
}

export class Adam extends Base {
  readonly name = 'adam';
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  constructor(
    params: readonly Param[],
    backend: Backend,
    lr: number,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-8,
  ) {
    super(params, backend, lr);
    check('beta1', beta1, (v) => v >= 0 && v < 1, 'at least 0 and below 1');
    check('beta2', beta2, (v) => v >= 0 && v < 1, 'at least 0 and below 1');
    check('epsilon', epsilon, (v) => v > 0, 'a number > 0');
    this.m = this.state();
    this.v = this.state();
  }
  protected update(): void {
    const t = this.steps;
    for (let i = 0; i < this.params.length; i++) {
      const p = this.params[i]!;
      this.backend.adamUpdate(
        p.value,
        p.grad,
        this.m[i]!,
        this.v[i]!,
        this.lr,
        this.beta1,
        this.beta2,
        this.epsilon,
        t,
      );
    }
  }
}

/** Builds an optimizer from a plain (serialisable) config. */
export function makeOptimizer(
  config: OptimizerConfig,
  params: readonly Param[],
  backend: Backend,
): Optimizer {
  switch (config.name) {
    case 'sgd':
      return new Sgd(params, backend, config.lr);
    case 'momentum':
      return new Momentum(params, backend, config.lr, config.momentum, config.nesterov);
    case 'rmsprop':
      return new RmsProp(params, backend, config.lr, config.rho, config.epsilon);
    case 'adam':
      return new Adam(params, backend, config.lr, config.beta1, config.beta2, config.epsilon);
    default:
      throw new RangeError(
        `unknown optimizer ${JSON.stringify((config as { name: unknown }).name)}: use sgd, momentum, rmsprop or adam`,
      );
  }
}
