/** Dense: a fully connected layer, y = Wx + b; it sets the width to its units. */
import { z } from 'zod';
import { defineKind } from './types';

export const INITIALIZERS = [
  'glorot_uniform',
  'glorot_normal',
  'he_normal',
  'he_uniform',
  'lecun_normal',
  'lecun_uniform',
  'zeros',
] as const;
export type Initializer = (typeof INITIALIZERS)[number];

const lambda = z.number().finite().min(0).nullable();

export const denseParamsSchema = z
  .object({
    units: z
      .number()
      .int('units must be a whole number')
      .min(1, 'units must be at least 1')
      .max(65536),
    useBias: z.boolean(),
    initializer: z.enum(INITIALIZERS),
    /** Per-layer override of the project's L1 / L2 λ; null means "use the project's λ". */
    l1: lambda,
    l2: lambda,
  })
  .strict();

const validUnits = (u: number) => (Number.isInteger(u) && u >= 1 ? u : null);

const defaults = (): z.infer<typeof denseParamsSchema> => ({
  units: 16,
  useBias: true,
  initializer: 'glorot_uniform',
  l1: null,
  l2: null,
});

export const denseKind = defineKind({
  kind: 'dense',
  label: 'Dense',
  params: denseParamsSchema,
  defaults,
  ports: { in: true, out: true },
  width: (p) => validUnits(p.units),
  parameterCount: (p, inWidth) =>
    inWidth === null ? null : inWidth * p.units + (p.useBias ? p.units : 0),
  lower: (p, id, ctx) => {
    ctx.layers.push({
      type: 'dense',
      units: p.units,
      useBias: p.useBias,
      initializer: p.initializer,
      activation: 'linear',
      alpha: 0.01,
      l1: p.l1,
      l2: p.l2,
      nodeIds: [id],
    });
    ctx.fusable = true;
  },
  summary: (p) => `${p.units} ${p.units === 1 ? 'unit' : 'units'}${p.useBias ? '' : ', no bias'}`,
  doc: {
    what: 'Fully connected: y = Wx + b, every output unit sees every input value.',
    when: 'The layers that learn. Hidden layers usually take 8–128 units; the last one needs one unit per class (Softmax), 1 unit (sigmoid) or one per target column.',
  },
  fields: [
    {
      type: 'number',
      key: 'units',
      label: 'Units',
      step: 1,
      help: 'Each unit is one output, yⱼ = Σᵢ Wⱼᵢ·xᵢ + bⱼ: more units can fit more patterns, and overfit more.',
    },
    {
      type: 'boolean',
      key: 'useBias',
      label: 'Use bias',
      help: 'Adds a learned offset b to every unit (y = Wx + b), so an output need not be 0 when its inputs are.',
    },
    {
      type: 'select',
      key: 'initializer',
      label: 'Initializer',
      help: 'How W is drawn before training: Glorot ±√(6/(fan_in + fan_out)) suits tanh and sigmoid, He ±√(6/fan_in) suits ReLU, so signals neither fade nor blow up.',
      options: INITIALIZERS.map((i) => ({ value: i, label: i.replace('_', ' ') })),
    },
  ],
  spec: {
    names: ['dense'],
    usage: 'dense:UNITS',
    parse: (_name, arg) => {
      const units = Number(arg);
      return arg === undefined || arg === '' || !Number.isFinite(units)
        ? { error: 'give the number of units, e.g. dense:16' }
        : { params: { ...defaults(), units } };
    },
    // The token holds the units only; bias, initializer and λ keep their defaults.
    format: (p) => `dense:${p.units}`,
  },
});
