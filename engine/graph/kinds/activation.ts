/** Activation: an element-wise function; fused into the Dense right before it when compiled. */
import { z } from 'zod';
import type { ActivationKind } from '../../backend/backend';
import { defineKind } from './types';

export const ACTIVATIONS = ['none', 'sigmoid', 'tanh', 'relu', 'leaky_relu'] as const;
export type ActivationFn = (typeof ACTIVATIONS)[number];

/** How the canvas and the inspector name each function. */
export const ACTIVATION_LABELS: Record<ActivationFn, string> = {
  none: 'none (linear)',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leaky_relu: 'leaky ReLU',
};

const DEFAULT_ALPHA = 0.01;

export const activationParamsSchema = z
  .object({
    fn: z.enum(ACTIVATIONS),
    /** Negative-side slope of leaky ReLU. */
    alpha: z.number().finite().min(0).max(1),
  })
  .strict();

const KERNEL: Record<ActivationFn, ActivationKind> = {
  none: 'linear',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'relu',
  leaky_relu: 'leaky_relu',
};

export const activationKind = defineKind({
  kind: 'activation',
  label: 'Activation',
  params: activationParamsSchema,
  defaults: () => ({ fn: 'relu' as const, alpha: DEFAULT_ALPHA }),
  ports: { in: true, out: true },
  parameterCount: () => 0,
  lower: (p, id, ctx) => {
    const fn = KERNEL[p.fn];
    if (fn === 'linear') return; // the identity: nothing to run
    const prev = ctx.layers[ctx.layers.length - 1];
    if (ctx.fusable && prev?.type === 'dense') {
      prev.activation = fn;
      prev.alpha = p.alpha;
      prev.nodeIds?.push(id);
    } else {
      ctx.layers.push({ type: 'activation', fn, alpha: p.alpha, nodeIds: [id] });
    }
    ctx.fusable = false;
  },
  summary: (p) => (p.fn === 'leaky_relu' ? `leaky ReLU α=${p.alpha}` : ACTIVATION_LABELS[p.fn]),
  doc: {
    what: 'Applies a function to every value: none, sigmoid, tanh, ReLU or leaky ReLU.',
    when: 'After each hidden Dense (ReLU is a good start); sigmoid last, on 1 unit, for a 2-class target; none for a numeric target.',
  },
  fields: [
    {
      type: 'select',
      key: 'fn',
      label: 'Function',
      help: 'The non-linearity applied to every value, e.g. ReLU max(0, x) or sigmoid 1/(1 + e⁻ˣ); without one, stacked Dense layers are a single linear map.',
      options: ACTIVATIONS.map((a) => ({ value: a, label: ACTIVATION_LABELS[a] })),
    },
    {
      type: 'number',
      key: 'alpha',
      label: 'Slope α',
      help: 'Leaky ReLU is αx for x < 0 (x otherwise): the small slope keeps a gradient, so units cannot die.',
      step: 0.01,
      message: 'α must be between 0 and 1',
      visible: (p) => p.fn === 'leaky_relu',
    },
  ],
  spec: {
    names: ACTIVATIONS,
    usage: ACTIVATIONS.join(', '),
    parse: (name, arg) => {
      if (arg !== undefined && name !== 'leaky_relu')
        return { error: `${name} takes no parameter` };
      const alpha = arg === undefined ? DEFAULT_ALPHA : Number(arg);
      if (!Number.isFinite(alpha))
        return { error: 'the leaky_relu slope must be a number, e.g. leaky_relu:0.01' };
      return { params: { fn: name as ActivationFn, alpha } };
    },
    format: (p) =>
      p.fn === 'leaky_relu' && p.alpha !== DEFAULT_ALPHA ? `leaky_relu:${p.alpha}` : p.fn,
  },
});
