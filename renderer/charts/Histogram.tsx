/** A small bar chart of a numeric column's histogram (plain SVG, no chart library). */
import type { ColumnSummaryData } from '../../electron/contract';

type Bins = NonNullable<ColumnSummaryData['histogram']>;

export function Histogram({
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
  const max = Math.max(1, ...bins.map((b) => b.count));
  const w = width / Math.max(1, bins.length);
  return (
    <svg
      className="histogram"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      {bins.map((b, i) => {
        const h = (b.count / max) * (height - 2);
        return (
          <rect key={i} x={i * w + 0.5} y={height - h} width={Math.max(1, w - 1)} height={h}>
            <title>{`${fmt(b.lo)} – ${fmt(b.hi)}: ${b.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

function fmt(x: number): string {
  return Math.abs(x) >= 1000 || Number.isInteger(x) ? String(Math.round(x)) : x.toPrecision(3);
}
