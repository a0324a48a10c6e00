/**
 * One training step on a batch, in the two halves the trainer needs around its divergence
 * check, shared with the backend calibration (backend-choice.ts) so it times exactly the work
 * the trainer does per batch.
 */
import type { Mat } from '../backend/backend';
import { clipGradients, gradientNorm } from '../optimizers/clip';
import type { Optimizer } from '../optimizers/optimizers';
import type { Network } from './network';

/**
 * Forward and backward pass on the batch the host just wrote into x and y (uploaded here):
 * the data loss (without the penalty) and the gradient norm ‖g‖.
 */
export function computeGradients(net: Network, x: Mat, y: Mat): { dataLoss: number; norm: number } {
  net.backend.upload(x.data);
  net.backend.upload(y.data);
  const dataLoss = net.gradients(x, y);
  return { dataLoss, norm: gradientNorm(net.params, net.backend) };
}

/** Optional clipping to `clipNorm`, the optimizer's update, the predictions read back. */
export function applyGradients(
  net: Network,
  optimizer: Optimizer,
  norm: number,
  clipNorm: number | undefined,
): void {
  if (clipNorm !== undefined) clipGradients(net.params, net.backend, clipNorm, norm);
  optimizer.step();
  net.backend.download(net.lastPred!.data);
}
