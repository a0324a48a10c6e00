/**
 * A small per-epoch line chart (one line per layer or per seed), optionally with a mean ± sd band,
 * in plain SVG on the curve charts' scales.
 */
import { plural } from '../../src/plural';
import { memo, useMemo, useRef } from 'react';
import { linearScale, logScale, tickLabel } from '../../charts/scale';
import { ExportChart } from '../../charts/ExportChart';
import { linePath } from './linePath';

export interface MiniSeries {
  name: string;
  /** Values by epoch (index 0 = epoch 1); null where unknown. */
  values: readonly (number | null)[];
  /** A band around the line: ± this per epoch. */
  sd?: readonly (number | null)[];
}

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
    let lo = Infinity;
    let hi = -Infinity;
    let n = 1;
    const ok = (v: number | null | undefined): v is number =>
      v !== null && v !== undefined && Number.isFinite(v) && (!log || v > 0);
    for (const s of series) {
      n = Math.max(n, s.values.length);
      s.values.forEach((v, i) => {
        if (!ok(v)) return;
        const d = s.sd?.[i] ?? 0;
        lo = Math.min(lo, log ? v : v - d);
        hi = Math.max(hi, v + d);
      });
    }
    if (unit) [lo, hi] = [0, 1];
    if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
    const sx = linearScale(1, Math.max(2, n), PAD.left, W - PAD.right, 3);
    const sy = log
      ? logScale(lo, hi, H - PAD.bottom, PAD.top)
      : linearScale(lo, hi, H - PAD.bottom, PAD.top, 3);
    const lines = series.map((s) => {
      const d = linePath(s.values, ok, sx, sy);
      let band = '';
      if (s.sd) {
        const up: string[] = [];
        const down: string[] = [];
        s.values.forEach((v, i) => {
          const sd = s.sd![i] ?? 0;
          if (!ok(v)) return;
          up.push(`${sx(i + 1).toFixed(1)},${sy(v + sd).toFixed(1)}`);
          const low = log ? Math.max(v - sd, v / 10) : v - sd;
          down.unshift(`${sx(i + 1).toFixed(1)},${sy(low).toFixed(1)}`);
        });
        if (up.length) band = `M${up.join('L')}L${down.join('L')}Z`;
      }
      const known = s.values.filter(ok);
      const show = (v: number | undefined) =>
        v === undefined
          ? '–'
          : unit
            ? `${Math.round(100 * v)} %`
            : tickLabel(Number(v.toPrecision(2)));
      // First → last value: how the layer moved over the run, readable without hovering.
      const change = known.length ? `${show(known[0])} → ${show(known.at(-1))}` : '–';
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
