/**
 * Training vs validation curve of one metric per epoch, with markers where alerts fired.
 *
 * Plain SVG, drawn from precomputed path strings: at 10,000 epochs a redraw costs a few
 * milliseconds. (Recharts, measured here, took 100–350 ms per redraw of two charts — visible
 * stalls while training; see bench/canvas/charts.mjs.) Long runs are drawn with each pixel
 * column's lowest and highest value, from summaries grown per epoch (./growing.ts), so a redraw
 * costs the same at any run length; the data itself is kept whole.
 */
import { plural } from '../src/plural';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RunAlert, RunEpoch } from '../../electron/contract/training';
import { GrowingSummaries, sharedGrowing } from './growing';
import { linePath } from './linePath';
import { drawable, summarise, type Summary } from './summary';
import { markerLayout } from './markers';
import { ExportChart } from './ExportChart';
import { ChartAxes } from './ChartAxes';
import { linearScale, logScale } from './scale';

export type MetricKey = 'loss' | 'acc' | 'mae' | 'lr';

const LABELS: Record<MetricKey, string> = {
  loss: 'Loss',
  acc: 'Accuracy',
  mae: 'Mean absolute error',
  lr: 'Learning rate',
};
const HEIGHT = 170;
const PAD = { left: 46, right: 10, top: 8, bottom: 22 };

interface Props {
  metric: MetricKey;
  epochs: readonly RunEpoch[];
  alerts: readonly RunAlert[];
  log: boolean;
  /** Other runs to overlay, dashed (their validation curve, else training). */
  compare?: readonly { runId: string; epochs: readonly RunEpoch[] }[] | undefined;
  /** Names the exported file ("run-3-loss"). */
  runId?: string | undefined;
}

/** A line: its summary, and the epoch of its first value. */
type Series = { key: string; name: string; className: string; sum: Summary; from: number };

/** The metric's training and validation value of an epoch (or its learning rate). */
function picks(metric: MetricKey): ((e: RunEpoch) => number | null | undefined)[] {
  if (metric === 'lr') return [(e) => e.lr];
  return [(e) => e.train[metric], (e) => e.val?.[metric]];
}

function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(400);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth || 400);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth || 400));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

function CurveChartView({ metric, epochs, alerts, log, compare, runId }: Props) {
  const [box, width] = useWidth();
  const [hover, setHover] = useState<number | null>(null);

  const series = useMemo<Series[]>(() => {
    const ok = drawable(log);
    // The current run's lines grow with it; one builder per metric and scale, for the app.
    const sums = sharedGrowing(
      `curve:${metric}:${log}`,
      () => new GrowingSummaries(picks(metric), ok),
    ).update(epochs);
    const from = epochs[0]?.epoch ?? 1;
    if (metric === 'lr')
      return [{ key: 'lr', name: 'learning rate', className: 'line-lr', sum: sums[0]!, from }];
    const out: Series[] = [
      { key: 'train', name: 'training', className: 'line-train', sum: sums[0]!, from },
      { key: 'val', name: 'validation', className: 'line-val', sum: sums[1]!, from },
    ];
    (compare ?? []).forEach((run, k) => {
      const pick = (e: RunEpoch) => (e.val ?? e.train)[metric];
      out.push({
        key: `compare-${run.runId}`,
        name: run.runId,
        className: `line-compare compare-${k % 4}`,
        sum: summarise(run.epochs.map(pick), ok),
        from: run.epochs[0]?.epoch ?? 1,
      });
    });
    return out;
  }, [epochs, metric, compare, log]);

  const plotW = Math.max(50, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const { sx, sy, paths } = useMemo(() => {
    let x1 = 1;
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series) {
      x1 = Math.max(x1, s.from + s.sum.n - 1);
      if (!Number.isNaN(s.sum.lo)) [lo, hi] = [Math.min(lo, s.sum.lo), Math.max(hi, s.sum.hi)];
    }
    if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
    if (metric === 'acc') [lo, hi] = [Math.max(0, Math.floor(lo * 10) / 10), 1];
    else if (!log) {
      const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.05 || 0.5;
      [lo, hi] = [Math.max(lo >= 0 ? 0 : -Infinity, lo - pad), hi + pad];
    }
    const sxs = linearScale(
      1,
      Math.max(2, x1),
      PAD.left,
      PAD.left + plotW,
      Math.max(2, Math.floor(plotW / 70)),
    );
    const sys = log
      ? logScale(lo, hi, PAD.top + plotH, PAD.top)
      : linearScale(lo, hi, PAD.top + plotH, PAD.top, 4);
    return {
      sx: sxs,
      sy: sys,
      // linePath places value i at x = i + 1; a line starts at its first epoch.
      paths: series.map((s) => ({ ...s, d: linePath(s.sum, (x) => sxs(x - 1 + s.from), sys) })),
    };
  }, [series, log, metric, plotW, plotH]);

  const markers = useMemo(() => markerLayout(alerts, sx), [alerts, sx]);

  const hovered = useMemo(() => {
    if (hover === null || epochs.length === 0) return null;
    const i = Math.min(epochs.length - 1, Math.max(0, Math.round(hover) - (epochs[0]?.epoch ?? 1)));
    return epochs[i] ?? null;
  }, [hover, epochs]);

  const fmt = (v: number | null | undefined) =>
    v === null || v === undefined ? '–' : v.toFixed(4);
  return (
    <figure
      className="curve-chart has-export"
      aria-label={`${LABELS[metric]} per epoch, training and validation`}
      ref={box}
    >
      <figcaption>{LABELS[metric]}</figcaption>
      <ExportChart target={box} title={LABELS[metric]} name={`${runId ?? 'run'}-${metric}`} />
      <svg
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={`${LABELS[metric]} over ${plural(epochs.length, 'epoch')}`}
        onMouseMove={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          const x = e.clientX - r.left;
          if (x < PAD.left || x > PAD.left + plotW) return setHover(null);
          const [a, b] = sx.domain;
          setHover(a + ((x - PAD.left) / plotW) * (b - a));
        }}
        onMouseLeave={() => setHover(null)}
      >
        <ChartAxes sx={sx} sy={sy} pad={PAD} plotW={plotW} plotH={plotH} height={HEIGHT} />
        {paths.map((p) => (
          <path key={p.key} d={p.d} className={`chart-line ${p.className}`} />
        ))}
        {markers.lines.length > 0 && (
          <g className="chart-marker">
            <path d={markers.lines.map((x) => `M${x},${PAD.top}V${PAD.top + plotH}`).join('')} />
            {markers.labels.map((l) => (
              <text key={l.key} x={l.x + 3} y={PAD.top + 10}>
                {l.text}
              </text>
            ))}
          </g>
        )}
        {hovered && (
          <line
            x1={sx(hovered.epoch)}
            x2={sx(hovered.epoch)}
            y1={PAD.top}
            y2={PAD.top + plotH}
            className="hover-line"
          />
        )}
      </svg>
      <div className="chart-legend">
        {paths.map((p) => (
          <span key={p.key} className={`legend-item ${p.className}`}>
            {p.name}
          </span>
        ))}
        {hovered && (
          <span className="chart-tooltip" role="status">
            {metric === 'lr'
              ? `epoch ${hovered.epoch}: learning rate ${hovered.lr.toPrecision(3)}`
              : `epoch ${hovered.epoch}: training ${fmt(hovered.train[metric])}, validation ${fmt(hovered.val?.[metric])}`}
          </span>
        )}
      </div>
    </figure>
  );
}

export const CurveChart = memo(CurveChartView);
