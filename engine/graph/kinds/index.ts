/**
 * The registry of layer kinds (one file per kind). It lives under engine/graph because the
 * renderer may import engine/graph only (eslint.config.mjs), and the palette, inspector and
 * canvas read it as much as the checker and the compiler do.
 */
import type { z } from 'zod';
import { activationKind } from './activation';
import { denseKind } from './dense';
import { dropoutKind } from './dropout';
import { inputKind } from './input';
import { outputKind } from './output';
import { softmaxKind } from './softmax';
import type { KindDef } from './types';

export * from './types';
export * from './activation';
export * from './dense';
export * from './dropout';
export * from './input';
export * from './output';
export * from './softmax';

/** Palette order. */
export const LAYER_KINDS = [
  inputKind.kind,
  denseKind.kind,
  activationKind.kind,
  dropoutKind.kind,
  softmaxKind.kind,
  outputKind.kind,
] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export const KINDS = {
  input: inputKind,
  dense: denseKind,
  activation: activationKind,
  dropout: dropoutKind,
  softmax: softmaxKind,
  output: outputKind,
} as const satisfies { [K in LayerKind]: KindDef<K, z.ZodObject> };

/** Saved parameters of a kind, as its schema reads them. */
export type KindParams<K extends LayerKind> = z.infer<(typeof KINDS)[K]['params']>;

/**
 * A kind's definition with its params widened, for code that holds a node of any kind (the
 * checker, the compiler): the node's kind and params belong together, which TypeScript cannot
 * follow through a lookup, so this one cast stands for all of them.
 */
export function kindOf<K extends LayerKind>(kind: K): KindDef<K, z.ZodObject> {
  return KINDS[kind] as unknown as KindDef<K, z.ZodObject>;
}

export function isLayerKind(kind: unknown): kind is LayerKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KINDS, kind);
}

/** Human names for the palette and messages. */
export const LAYER_LABELS = Object.fromEntries(
  LAYER_KINDS.map((k) => [k, KINDS[k].label]),
) as Record<LayerKind, string>;
