/**
 * Output losses. Each works on the last layer's raw output z (B × k) and the targets y:
 * - cce: softmax + categorical cross-entropy, fused and stable (log-sum-exp):
 *   L = −(1/B) Σ_r Σ_c y_rc log softmax(z_r)_c,  ∂L/∂z = (softmax(z) − y) / B
 * - bce: sigmoid + binary cross-entropy on logits:
 *   L = (1/N) Σ max(z,0) − z·y + log(1 + e^{−|z|}),  ∂L/∂z = (σ(z) − y) / N  (N = B·k)
 * - mse: L = (1/N) Σ (z − y)²,  ∂L/∂z = 2(z − y) / N  (z is the prediction itself)
 * `predict` turns z into what the user sees: class probabilities (cce, bce) or values (mse).
 */
import type { Backend, Mat } from '../backend/backend';

export type LossKind = 'cce' | 'bce' | 'mse';

export interface Loss {
  readonly kind: LossKind;
  /** Loss of the batch; writes ∂L/∂z to `grad` and the predictions to `pred`. */
  compute(z: Mat, y: Mat, pred: Mat, grad: Mat): number;
  /** Predictions from raw outputs (pred may alias z). */
  predict(z: Mat, pred: Mat): void;
}

export function makeLoss(kind: LossKind, backend: Backend): Loss {
  switch (kind) {
    case 'cce':
      return {
        kind,
        compute: (z, y, pred, grad) => backend.softmaxCrossEntropy(z, y, pred, grad),
        predict: (z, pred) => backend.softmaxRows(z, pred),
      };
    case 'bce':
      return {
        kind,
        compute: (z, y, pred, grad) => backend.sigmoidBinaryCrossEntropy(z, y, pred, grad),
        predict: (z, pred) => backend.biasActivation(z, null, 'sigmoid', 0, pred),
      };
    case 'mse':
      return {
        kind,
        // The identity activation copies z into pred on whichever device holds them.
        compute: (z, y, pred, grad) => {
          if (pred.data !== z.data) backend.biasActivation(z, null, 'linear', 0, pred);
          return backend.meanSquaredError(z, y, grad);
        },
        predict: (z, pred) => {
          if (pred.data !== z.data) backend.biasActivation(z, null, 'linear', 0, pred);
        },
      };
    default:
      throw new RangeError(`unknown loss ${JSON.stringify(kind)}: use cce, bce or mse`);
  }
}
