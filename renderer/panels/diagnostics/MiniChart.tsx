/**
 * A small per-epoch line chart (one line per layer or per seed), optionally with a mean ± sd band,
 * in plain SVG on the curve charts' scales.
 */
import { plural } from '../../src/plural';
import { memo, useMemo, useRef } from 'react';
import { linearScale, logScale, tickLabel } from '../../charts/scale';
import { ExportChart } from '../../charts/ExportChart';
import { linePath } from '../../charts/linePath';
import { drawable, summarise, type Summary } from '../../charts/summary';

export interface MiniSeries {
  name: string;
  /**
   * Values by epoch (index 0 = epoch 1; null where unknown), or their summary when the series
   * grows with a run (built with `drawable(log)` of the chart it goes to).
   */
  values: readonly (number | null)[] | Summary;
  /** A band around the line: ± this per epoch (with a list of values). */
  sd?: readonly (number | null)[];
}

const isList = (v: MiniSeries['values']): v is readonly (number | null)[] => Array.isArray(v);

const W = 260;
const H = 120;
const PAD = { left: 40, right: 6, top: 6, bottom: 18 };

function MiniChartView({
  title,
  series,
  log = false,
  unit = false,
}: {
  title: string;
  series: readonly MiniSeries[];
  log?: boolean;
  /** Values are shares in [0, 1]. */
  unit?: boolean;
}) {
  const drawn = useMemo(() => {
    const ok = drawable(log);
    // Lines are drawn from summaries: the cost does not grow with the run (charts/summary.ts).
    const sums = series.map((s) => (isList(s.values) ? summarise(s.values, ok) : s.values));
    let lo = Infinity;
    let hi = -Infinity;
    let n = 1;
    series.forEach((s, k) => {
      const sum = sums[k]!;
      n = Math.max(n, sum.n);
      if (sum.n && !Number.isNaN(sum.lo)) [lo, hi] = [Math.min(lo, sum.lo), Math.max(hi, sum.hi)];
      if (!s.sd || !isList(s.values)) return;
      s.values.forEach((v, i) => {
        if (!ok(v)) return;
        const d = s.sd?.[i] ?? 0;
        lo = Math.min(lo, log ? v : v - d);
        hi = Math.max(hi, v + d);
      });
    });
    if (unit) [lo, hi] = [0, 1];
    if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
    const sx = linearScale(1, Math.max(2, n), PAD.left, W - PAD.right, 3);
    const sy = log
      ? logScale(lo, hi, H - PAD.bottom, PAD.top)
      : linearScale(lo, hi, H - PAD.bottom, PAD.top, 3);
    const lines = series.map((s, k) => {
      const sum = sums[k]!;
      const d = linePath(sum, sx, sy);
      const band = s.sd && isList(s.values) ? bandPath(s.values, s.sd, ok, log, sx, sy) : '';
      const show = (v: number | undefined) =>
        v === undefined
          ? '–'
          : unit
            ? `${Math.round(100 * v)} %`
            : tickLabel(Number(v.toPrecision(2)));
      // First → last value: how the layer moved over the run, readable without hovering.
      const change = sum.first !== undefined ? `${show(sum.first)} → ${show(sum.last)}` : '–';
      return { name: s.name, d, band, change };
    });
    return { sx, sy, lines };
  }, [series, log, unit]);
  const { sx, sy, lines } = drawn;
  const figure = useRef<HTMLElement | null>(null);
  return (
    <figure className="mini-chart has-export" aria-label={title} ref={figure}>
      <figcaption>{title}</figcaption>
      <ExportChart target={figure} title={title} name={title} />
      <svg
        width={W}
        height={H}
        role="img"
        aria-label={`${title}, ${plural(series.length, 'line')}`}
      >
        {sy.ticks.map((t) => (
          <g key={`y${t}`} className="tick">
            <line x1={PAD.left} x2={W - PAD.right} y1={sy(t)} y2={sy(t)} className="grid" />
            <text x={PAD.left - 3} y={sy(t) + 3} textAnchor="end">
              {tickLabel(t)}
            </text>
          </g>
        ))}
        {sx.ticks.map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - 5} textAnchor="middle" className="tick">
            {tickLabel(t)}
          </text>
        ))}
        {lines.map((l, i) => (
          <g key={l.name} className={`mini-series mini-${i % 6}`}>
            {l.band && <path d={l.band} className="mini-band" />}
            <path d={l.d} className="mini-line" data-series={l.name} />
          </g>
        ))}
      </svg>
      <div className="mini-legend">
        {lines.map((l, i) => (
          <span
            key={l.name}
            className={`mini-key mini-${i % 6}`}
            data-series={l.name}
            data-legend={`${l.name} ${l.change}`}
          >
            {l.name} {l.change}
          </span>
        ))}
      </div>
    </figure>
  );
}

export const MiniChart = memo(MiniChartView);

/** The mean ± sd band of a line (the seeds' chart: a few hundred epochs at most). */
function bandPath(
  values: readonly (number | null)[],
  sd: readonly (number | null)[],
  ok: (v: number | null | undefined) => v is number,
  log: boolean,
  sx: (x: number) => number,
  sy: (y: number) => number,
): string {
  const up: string[] = [];
  const down: string[] = [];
  values.forEach((v, i) => {
    const d = sd[i] ?? 0;
    if (!ok(v)) return;
    up.push(`${sx(i + 1).toFixed(1)},${sy(v + d).toFixed(1)}`);
    const low = log ? Math.max(v - d, v / 10) : v - d;
    down.unshift(`${sx(i + 1).toFixed(1)},${sy(low).toFixed(1)}`);
  });
  return up.length ? `M${up.join('L')}L${down.join('L')}Z` : '';
}
