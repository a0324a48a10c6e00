/** Input: the feature columns of the data; its width is the data's (encoded) feature count. */
import { z } from 'zod';
import { defineKind } from './types';

export const inputParamsSchema = z.object({}).strict();

export const inputKind = defineKind({
  kind: 'input',
  label: 'Input',
  params: inputParamsSchema,
  defaults: () => ({}),
  ports: { in: false, out: true },
  width: (_p, features) => (features !== undefined && features >= 1 ? features : null),
  parameterCount: () => 0,
  summary: () => 'features of the data',
  doc: {
    what: 'The feature columns of your data, one value per column (categories one-hot encoded).',
    when: 'Exactly one per network, at the start; its width follows the chosen dataset.',
  },
  fields: [],
});
