/** How the canvas writes shapes and counts: `[batch, 16]`, `1,234 params`. */
import { pluralWord } from '../src/plural';
import { formatShape, type Width } from '../../engine/graph/shapes';

export const shapeText = (w: Width | undefined): string => formatShape(w ?? null);

export const paramsText = (n: number | null | undefined): string =>
  n === null || n === undefined
    ? '? params'
    : `${n.toLocaleString('en-US')} ${pluralWord(n, 'param')}`;
