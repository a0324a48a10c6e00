/**
 * What the inspector shows about an activation: its curve and derivative, and notes on range,
 * saturation and dead units. Display only (training uses the engine's kernels).
 */
import type { ActivationFn } from '../../../engine/graph/document';

export interface ActivationInfo {
  f(x: number): number;
  df(x: number): number;
  formula: string;
  range: string;
  notes: string[];
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function activationInfo(fn: ActivationFn, alpha = 0.01): ActivationInfo {
  switch (fn) {
    case 'none':
      return {
        f: (x) => x,
        df: () => 1,
        formula: 'f(x) = x',
        range: '(−∞, ∞)',
        notes: [
          'Linear: stacked Dense layers without an activation collapse into one linear map.',
          'Use it for the output of a regression.',
        ],
      };
    case 'sigmoid':
      return {
        f: sigmoid,
        df: (x) => sigmoid(x) * (1 - sigmoid(x)),
        formula: 'f(x) = 1 / (1 + e^−x)',
        range: '(0, 1)',
        notes: [
          'Saturates for |x| > 4: the gradient is almost 0 there, so deep sigmoid nets learn slowly (vanishing gradients).',
          'Its largest slope is only 0.25, at x = 0.',
          'Not zero-centred. Good for a binary output (probability) with binary cross-entropy.',
        ],
      };
    case 'tanh':
      return {
        f: Math.tanh,
        df: (x) => 1 - Math.tanh(x) ** 2,
        formula: 'f(x) = tanh(x)',
        range: '(−1, 1)',
        notes: [
          'Zero-centred, slope 1 at x = 0.',
          'Saturates for |x| > 2.5: units stuck at ±1 stop learning.',
        ],
      };
    case 'relu':
      return {
        f: (x) => Math.max(0, x),
        df: (x) => (x > 0 ? 1 : 0),
        formula: 'f(x) = max(0, x)',
        range: '[0, ∞)',
        notes: [
          'Does not saturate for x > 0, so gradients flow through deep nets; cheap to compute.',
          'Dead units: a unit whose input is negative for every sample outputs 0 and gets no gradient — a high learning rate can kill many.',
        ],
      };
    case 'leaky_relu':
      return {
        f: (x) => (x > 0 ? x : alpha * x),
        df: (x) => (x > 0 ? 1 : alpha),
        formula: `f(x) = x if x > 0, else ${alpha}·x`,
        range: '(−∞, ∞)',
        notes: ['Like ReLU, but the small negative slope keeps a gradient, so units cannot die.'],
      };
  }
}

/** SVG path data for y = g(x) on [x0, x1] mapped into a w × h box with y in [y0, y1]. */
export function curvePath(
  g: (x: number) => number,
  box: { w: number; h: number; x0: number; x1: number; y0: number; y1: number },
  steps = 120,
): string {
  const { w, h, x0, x1, y0, y1 } = box;
  const parts: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const x = x0 + ((x1 - x0) * i) / steps;
    const y = Math.min(y1, Math.max(y0, g(x)));
    const px = ((x - x0) / (x1 - x0)) * w;
    const py = h - ((y - y0) / (y1 - y0)) * h;
    parts.push(`${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`);
  }
  return parts.join(' ');
}
