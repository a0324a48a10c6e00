/**
 * A small bar chart of a numeric column's histogram: one SVG path for all bars (not an element
 * per bar), its outline cached per bins array, so opening the Data tab again redraws nothing
 * new. Hovering names the bin under the pointer.
 */
import { memo, useState } from 'react';
import type { ColumnSummaryData } from '../../electron/contract';

type Bins = NonNullable<ColumnSummaryData['histogram']>;

interface Shape {
  /** The bars as one path: M x,y h w v h h −w z per bin. */
  d: string;
  /** Largest count. */
  max: number;
}

/** Summaries are kept in the store: their bins arrays live as long as the dataset does. */
const shapes = new WeakMap<Bins, Map<string, Shape>>();

/** The bars of `bins` in a width × height box, each bar's height count / max · (height − 2). */
export function histogramShape(bins: Bins, width: number, height: number): Shape {
  const key = `${width}×${height}`;
  let byBox = shapes.get(bins);
  const hit = byBox?.get(key);
  if (hit) return hit;
  let max = 1;
  for (const b of bins) if (b.count > max) max = b.count;
  const w = width / Math.max(1, bins.length);
  let d = '';
  bins.forEach((b, i) => {
    const h = (b.count / max) * (height - 2);
    if (h > 0)
      d += `M${(i * w + 0.5).toFixed(2)},${height}v${(-h).toFixed(2)}h${Math.max(1, w - 1).toFixed(2)}v${h.toFixed(2)}z`;
  });
  const shape = { d, max };
  if (!byBox) shapes.set(bins, (byBox = new Map()));
  byBox.set(key, shape);
  return shape;
}

export const Histogram = memo(function Histogram({
  bins,
  label,
  width = 120,
  height = 28,
}: {
  bins: Bins;
  label: string;
  width?: number;
  height?: number;
}) {
  const { d } = histogramShape(bins, width, height);
  const [hover, setHover] = useState<number | null>(null);
  const w = width / Math.max(1, bins.length);
  const b = hover === null ? null : bins[hover];
  return (
    <svg
      className="histogram"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      onMouseMove={(e) => {
        const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
        setHover(Math.min(bins.length - 1, Math.max(0, Math.floor(x / w))));
      }}
      onMouseLeave={() => setHover(null)}
    >
      <title>{b ? `${fmt(b.lo)} – ${fmt(b.hi)}: ${b.count}` : label}</title>
      <path d={d} />
      {b && hover !== null && (
        <rect className="hover" x={hover * w} y={0} width={w} height={height} />
      )}
    </svg>
  );
});

function fmt(x: number): string {
  return Math.abs(x) >= 1000 || Number.isInteger(x) ? String(Math.round(x)) : x.toPrecision(3);
}
