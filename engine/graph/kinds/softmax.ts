/** Softmax: turns the last layer's scores into class probabilities (folded into the cce loss). */
import { z } from 'zod';
import { defineKind } from './types';

export const softmaxParamsSchema = z.object({}).strict();

export const softmaxKind = defineKind({
  kind: 'softmax',
  label: 'Softmax',
  params: softmaxParamsSchema,
  defaults: () => ({}),
  ports: { in: true, out: true },
  parameterCount: () => 0,
  // No lowering: the categorical cross-entropy loss computes it in a stable fused form.
  summary: () => 'class probabilities',
  doc: {
    what: 'Turns scores into class probabilities that sum to 1.',
    when: 'Last, right before Output, for a class target with more than 2 classes (loss cce); the Dense before it needs one unit per class.',
  },
  fields: [],
  spec: {
    names: ['softmax'],
    usage: 'softmax',
    parse: (_name, arg) =>
      arg === undefined ? { params: {} } : { error: 'softmax takes no parameter' },
    format: () => 'softmax',
  },
});
