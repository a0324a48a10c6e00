/**
 * Weight initialisers (fan_in = inputs of the layer, fan_out = its units):
 * - glorot_uniform U(−l, l), l = √(6 / (fan_in + fan_out)); glorot_normal N(0, 2 / (fan_in + fan_out))
 * - he_uniform U(−l, l), l = √(6 / fan_in); he_normal N(0, 2 / fan_in)
 * - lecun_uniform U(−l, l), l = √(3 / fan_in); lecun_normal N(0, 1 / fan_in)
 * - zeros
 */
import type { Initializer } from '../graph/document';
import type { Rng } from '../data/rng';

export function initialize(
  w: Float32Array,
  kind: Initializer,
  fanIn: number,
  fanOut: number,
  rng: Rng,
): void {
  const uniform = (limit: number): void => {
    for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-limit, limit);
  };
  const normal = (variance: number): void => {
    const sd = Math.sqrt(variance);
    for (let i = 0; i < w.length; i++) w[i] = sd * rng.normal();
  };
  switch (kind) {
    case 'glorot_uniform':
      return uniform(Math.sqrt(6 / (fanIn + fanOut)));
    case 'glorot_normal':
      return normal(2 / (fanIn + fanOut));
    case 'he_uniform':
      return uniform(Math.sqrt(6 / fanIn));
    case 'he_normal':
      return normal(2 / fanIn);
    case 'lecun_uniform':
      return uniform(Math.sqrt(3 / fanIn));
    case 'lecun_normal':
      return normal(1 / fanIn);
    case 'zeros':
      w.fill(0);
      return;
  }
}
