/** Small datasets and model specs shared by the trainer feature tests. */
import { matOf } from '../../../../engine/backend/backend';
import type { ActivationKind } from '../../../../engine/backend/backend';
import { oneHot, type Dataset } from '../../../../engine/data/dataset';
import { Rng } from '../../../../engine/data/rng';
import type { LayerSpec, ModelSpec } from '../../../../engine/train/spec';

/** Three Gaussian blobs in 2-D, labels 0, 1, 2 in turn. */
export function blobs(n: number, seed: number): Dataset {
  const r = new Rng(seed);
  const x = new Float32Array(n * 2);
  const labels: number[] = [];
  const centres = [
    [0, 2],
    [2, -1],
    [-2, -1],
  ];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    x[i * 2] = centres[c]![0]! + 0.6 * r.normal();
    x[i * 2 + 1] = centres[c]![1]! + 0.6 * r.normal();
    labels.push(c);
  }
  return { x: matOf(n, 2, x), y: oneHot(labels, 3) };
}

export function denseSpec(
  units: number,
  activation: ActivationKind = 'linear',
  nodeIds?: string[],
): LayerSpec {
  return {
    type: 'dense',
    units,
    useBias: true,
    initializer: 'glorot_uniform',
    activation,
    alpha: 0.01,
    l1: null,
    l2: null,
    ...(nodeIds ? { nodeIds } : {}),
  };
}

/** inputs → Dense(hidden, act) → Dense(classes) with a cce loss. */
export function mlp(
  inputs: number,
  hidden: number,
  classes: number,
  act: ActivationKind = 'relu',
  extra: Partial<ModelSpec> = {},
): ModelSpec {
  return {
    inputs,
    layers: [denseSpec(hidden, act, ['d1', 'a1']), denseSpec(classes, 'linear', ['d2'])],
    loss: 'cce',
    l1: 0,
    l2: 0,
    ...extra,
  };
}

/** The same rows with every label moved to the next class: its loss rises as training fits `d`. */
export function shiftedLabels(d: Dataset): Dataset {
  const k = d.y.cols;
  const y = new Float32Array(d.y.data.length);
  for (let r = 0; r < d.y.rows; r++)
    for (let c = 0; c < k; c++) y[r * k + ((c + 1) % k)] = d.y.data[r * k + c]!;
  return { x: d.x, y: matOf(d.y.rows, k, y) };
}
