/**
 * Where a curve chart draws its alert markers. A long run raises the same alert again and again
 * (at 23,000 epochs a run had ~650 alerts, ~2,000 SVG elements over three charts, and the
 * Training tab took ~1 s to open while it trained). Markers are one line per pixel column that
 * has any alert (drawn as a single path), and a label where it does not run into the previous
 * one: the picture is the same, its cost bounded by the chart's width.
 */
export interface MarkerLayout {
  /** Pixel x of each marker line, ascending, no two the same. */
  lines: number[];
  /** The labels that fit, left to right. */
  labels: { x: number; text: string; key: string }[];
}

/** Labels closer than this (px) to the previous label are left out. */
export const LABEL_GAP = 90;

export function markerLayout(
  alerts: readonly { kind: string; epoch: number }[],
  sx: (epoch: number) => number,
): MarkerLayout {
  const sorted = [...alerts].sort((a, b) => a.epoch - b.epoch);
  const lines: number[] = [];
  const labels: MarkerLayout['labels'] = [];
  let lastLabel = -Infinity;
  for (const a of sorted) {
    const x = Math.round(sx(a.epoch));
    if (lines.at(-1) !== x) lines.push(x);
    if (x - lastLabel >= LABEL_GAP) {
      labels.push({ x, text: a.kind.replace('_', ' '), key: `${a.kind}-${a.epoch}` });
      lastLabel = x;
    }
  }
  return { lines, labels };
}
