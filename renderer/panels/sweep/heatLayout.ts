/**
 * The two-parameter heat-map's drawing, in plain TypeScript: where each cell, label and the
 * colour bar go, and each cell's colour. Darker is a lower mean validation loss; the colour is
 * solid (no transparency), so an exported file looks the same on any background.
 */
import { short } from './scale';

export interface HeatInput {
  rowKey: string;
  colKey: string;
  rowValues: readonly (number | string)[];
  colValues: readonly (number | string)[];
  cells: readonly (readonly (number | null)[])[];
  best: { row: number; col: number } | null;
}

export interface HeatCell {
  row: number;
  col: number;
  x: number;
  y: number;
  value: number | null;
  text: string;
  fill: string;
  /** Dark text on light cells, light text on dark ones. */
  ink: string;
  best: boolean;
}

export interface HeatLayout {
  width: number;
  height: number;
  cellW: number;
  cellH: number;
  /** Top-left of the grid. */
  left: number;
  top: number;
  cells: HeatCell[];
  rowLabels: { text: string; x: number; y: number }[];
  colLabels: { text: string; x: number; y: number }[];
  /** The parameter names: the column one above the grid, the row one turned along the left. */
  colTitle: { text: string; x: number; y: number };
  rowTitle: { text: string; x: number; y: number };
  /** The colour bar under the grid, low loss (dark) on the left, with its end values. */
  bar: {
    x: number;
    y: number;
    width: number;
    height: number;
    steps: { x: number; width: number; fill: string }[];
    low: string;
    high: string;
    caption: string;
  };
  lo: number | null;
  hi: number | null;
}

const LIGHT = [238, 244, 251] as const;
const DARK = [16, 62, 128] as const;
export const EMPTY_FILL = 'rgb(224, 224, 224)';

/** The colour of t ∈ [0, 1] (1: the lowest loss): light to dark blue, linear in RGB. */
export function heatColour(t: number): string {
  const k = Math.min(1, Math.max(0, t));
  const c = LIGHT.map((l, i) => Math.round(l + (DARK[i]! - l) * k));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** Text that reads on a cell of shade t. */
export const inkOn = (t: number) => (t > 0.5 ? 'rgb(255, 255, 255)' : 'rgb(26, 26, 26)');

const CELL_W = 64;
const CELL_H = 30;
const BAR_STEPS = 24;
/** Rough width of one character of the 11 px labels, to leave room for the longest. */
const CHAR_W = 6.5;

/**
 * Places the grid: t = (hi − v) / (hi − lo) shades each cell (a single value or equal values:
 * all mid-shade); a cell without a finished seed is grey with a dash.
 */
export function heatLayout(h: HeatInput, caption: string): HeatLayout {
  const vals = h.cells.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = vals.length ? Math.min(...vals) : null;
  const hi = vals.length ? Math.max(...vals) : null;
  const span = lo !== null && hi !== null ? hi - lo : 0;
  const shade = (v: number) => (span > 0 ? (hi! - v) / span : 0.5);
  const rowText = h.rowValues.map((v) => String(short(v)));
  const longest = Math.max(1, ...rowText.map((t) => t.length));
  // Row title (turned), then the row values right-aligned against the grid.
  const left = 30 + Math.ceil(longest * CHAR_W) + 8;
  const top = 44;
  const gridW = h.colValues.length * CELL_W;
  const gridH = h.rowValues.length * CELL_H;
  const width = Math.max(left + gridW + 12, left + Math.ceil(caption.length * CHAR_W) + 12, 260);
  const barY = top + gridH + 18;
  const barW = Math.max(gridW, 160);
  const cells: HeatCell[] = [];
  h.rowValues.forEach((_, row) =>
    h.colValues.forEach((__, col) => {
      const v = h.cells[row]?.[col] ?? null;
      const ok = v !== null && Number.isFinite(v);
      const t = ok ? shade(v) : 0;
      cells.push({
        row,
        col,
        x: left + col * CELL_W,
        y: top + row * CELL_H,
        value: ok ? v : null,
        text: ok ? String(short(v)) : '—',
        fill: ok ? heatColour(t) : EMPTY_FILL,
        ink: ok ? inkOn(t) : 'rgb(90, 90, 90)',
        best: h.best?.row === row && h.best.col === col,
      });
    }),
  );
  const stepW = barW / BAR_STEPS;
  return {
    width,
    height: barY + 12 + 34,
    cellW: CELL_W,
    cellH: CELL_H,
    left,
    top,
    cells,
    rowLabels: rowText.map((text, i) => ({ text, x: left - 6, y: top + i * CELL_H + CELL_H / 2 })),
    colLabels: h.colValues.map((v, i) => ({
      text: String(short(v)),
      x: left + i * CELL_W + CELL_W / 2,
      y: top - 8,
    })),
    colTitle: { text: h.colKey, x: left + gridW / 2, y: 14 },
    rowTitle: { text: h.rowKey, x: 14, y: top + gridH / 2 },
    bar: {
      x: left,
      y: barY,
      width: barW,
      height: 12,
      // Left (dark) is the lowest loss, as in the cells.
      steps: Array.from({ length: BAR_STEPS }, (_, i) => ({
        x: left + i * stepW,
        width: stepW + 0.5,
        fill: heatColour(1 - i / (BAR_STEPS - 1)),
      })),
      low: lo === null ? '–' : String(short(lo)),
      high: hi === null ? '–' : String(short(hi)),
      caption,
    },
    lo,
    hi,
  };
}
