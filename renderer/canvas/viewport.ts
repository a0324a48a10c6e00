/**
 * The view a network opens in: the whole network when it fits at a readable zoom, otherwise
 * the readable zoom with the network's top (its Input) in view, centred across. Text on nodes
 * is 12–16 px, so LEGIBLE_ZOOM keeps it at about 10 px or more on screen; the minimap and
 * scrolling show the rest.
 */

export const LEGIBLE_ZOOM = 0.8;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * React Flow's viewport (screen = flow · zoom + (x, y)) that shows `bounds` in a pane of `size`
 * with `padding` pixels around it: zoom = min(1, fit), but never below `minZoom`.
 */
export function legibleViewport(
  bounds: Rect,
  size: { width: number; height: number },
  padding = 24,
  minZoom = LEGIBLE_ZOOM,
): { x: number; y: number; zoom: number } {
  const fit = Math.min(
    (size.width - 2 * padding) / Math.max(1, bounds.width),
    (size.height - 2 * padding) / Math.max(1, bounds.height),
  );
  const zoom = Math.max(minZoom, Math.min(1, fit));
  const place = (start: number, extent: number, pane: number) =>
    extent * zoom <= pane - 2 * padding
      ? (pane - extent * zoom) / 2 - start * zoom
      : padding - start * zoom;
  return {
    x: place(bounds.x, bounds.width, size.width),
    y: place(bounds.y, bounds.height, size.height),
    zoom,
  };
}
