/** How the canvas writes shapes and counts: `[batch, 16]`, `1,234 params`. */
import type { Width } from '../../engine/graph/shapes';

export const shapeText = (w: Width | undefined): string => `[batch, ${w ?? '?'}]`;

export const paramsText = (n: number | null | undefined): string =>
  n === null || n === undefined
    ? '? params'
    : `${n.toLocaleString('en-US')} param${n === 1 ? '' : 's'}`;
