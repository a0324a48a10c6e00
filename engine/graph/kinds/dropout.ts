/** Dropout: zeroes a random share of the values while training (none at inference). */
import { z } from 'zod';
import { defineKind } from './types';

export const dropoutParamsSchema = z
  .object({ rate: z.number().min(0, 'rate must be at least 0').lt(1, 'rate must be below 1') })
  .strict();

export const dropoutKind = defineKind({
  kind: 'dropout',
  label: 'Dropout',
  params: dropoutParamsSchema,
  defaults: () => ({ rate: 0.5 }),
  ports: { in: true, out: true },
  parameterCount: () => 0,
  lower: (p, id, ctx) => {
    // A rate of 0 drops nothing, so it is no layer at all.
    if (p.rate > 0) ctx.layers.push({ type: 'dropout', rate: p.rate, nodeIds: [id] });
    ctx.fusable = false;
  },
  summary: (p) => `rate ${p.rate}`,
  doc: {
    what: 'Randomly drops units while training, so the network cannot rely on any single one.',
    when: 'Between hidden layers when the validation loss rises while the training loss falls (overfitting).',
  },
  fields: [
    {
      type: 'number',
      key: 'rate',
      label: 'Rate',
      help: 'The share p of values zeroed at random in each training step (the rest are scaled by 1/(1 − p)); nothing is dropped when predicting.',
      step: 0.05,
      message: 'The rate must be at least 0 and below 1',
    },
  ],
  spec: {
    names: ['dropout'],
    usage: 'dropout:P',
    parse: (_name, arg) => {
      const rate = Number(arg);
      return arg === undefined || arg === '' || !Number.isFinite(rate)
        ? { error: 'give the rate, e.g. dropout:0.2' }
        : { params: { rate } };
    },
    format: (p) => `dropout:${p.rate}`,
  },
});
