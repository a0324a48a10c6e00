/** Output: the end of the network; it holds the loss that compares predictions with the target. */
import { z } from 'zod';
import { defineKind } from './types';

export const LOSSES = ['auto', 'cce', 'bce', 'mse'] as const;
export type LossName = (typeof LOSSES)[number];

export const LOSS_LABELS: Record<LossName, string> = {
  auto: 'from the task',
  cce: 'categorical cross-entropy',
  bce: 'binary cross-entropy',
  mse: 'mean squared error',
};

export const outputParamsSchema = z.object({ loss: z.enum(LOSSES) }).strict();

export const outputKind = defineKind({
  kind: 'output',
  label: 'Output',
  params: outputParamsSchema,
  defaults: () => ({ loss: 'auto' as const }),
  ports: { in: true, out: false },
  parameterCount: () => 0,
  summary: (p) => (p.loss === 'auto' ? 'loss from the task' : `loss ${p.loss.toUpperCase()}`),
  doc: {
    what: 'The target and the loss that compares the predictions with it.',
    when: 'Exactly one per network, at the end. "From the task" picks cce after Softmax, bce after a sigmoid on 1 unit, mse otherwise; mse is for numeric targets.',
  },
  fields: [
    {
      type: 'select',
      key: 'loss',
      label: 'Loss',
      help: 'What training minimises: cross-entropy −Σ y·log p for classes, mean squared error (ŷ − y)² for numbers; "from the task" picks one from the target.',
      options: LOSSES.map((l) => ({ value: l, label: LOSS_LABELS[l] })),
    },
  ],
});
