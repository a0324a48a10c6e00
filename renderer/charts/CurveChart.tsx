/**
 * Training vs validation curve of one metric per epoch, with markers where alerts fired.
 *
 * Plain SVG, drawn from precomputed path strings: at 10,000 epochs a redraw costs a few
 * milliseconds. (Recharts, measured here, took 100–350 ms per redraw of two charts — visible
 * stalls while training; see bench/canvas/charts.mjs.) Long runs are downsampled for display
 * only (LTTB, ≤ 600 points); the data itself is kept whole.
 */
import { plural } from '../src/plural';
import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RunAlert, RunEpoch } from '../../electron/contract/training';
import { downsample } from './downsample';
import { markerLayout } from './markers';
import { ExportChart } from './ExportChart';
import { ChartAxes } from './ChartAxes';
import { linearScale, logScale, type Scale } from './scale';

export type MetricKey = 'loss' | 'acc' | 'mae' | 'lr';

const LABELS: Record<MetricKey, string> = {
  loss: 'Loss',
  acc: 'Accuracy',
  mae: 'Mean absolute error',
  lr: 'Learning rate',
};
const MAX_POINTS = 600;
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

type Point = { x: number; y: number | null };
type Series = { key: string; name: string; className: string; points: Point[] };

function pathOf(points: readonly Point[], sx: Scale, sy: Scale, log: boolean): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y) || (log && p.y <= 0)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`;
    pen = true;
  }
  return d;
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
    if (metric === 'lr') {
      const lr = downsample(epochs, MAX_POINTS, (e) => e.lr).map((e) => ({ x: e.epoch, y: e.lr }));
      return [{ key: 'lr', name: 'learning rate', className: 'line-lr', points: lr }];
    }
    const value = (m: RunEpoch['train'] | null) => (m ? (m[metric] ?? null) : null);
    const train = downsample(epochs, MAX_POINTS, (e) => value(e.train)).map((e) => ({
      x: e.epoch,
      y: value(e.train),
    }));
    const val = downsample(epochs, MAX_POINTS, (e) => value(e.val)).map((e) => ({
      x: e.epoch,
      y: value(e.val),
    }));
    const out: Series[] = [
      { key: 'train', name: 'training', className: 'line-train', points: train },
      { key: 'val', name: 'validation', className: 'line-val', points: val },
    ];
    (compare ?? []).forEach((run, k) => {
      const c = downsample(run.epochs, MAX_POINTS, (e) => value(e.val ?? e.train)).map((e) => ({
        x: e.epoch,
        y: value(e.val ?? e.train),
      }));
      out.push({
        key: `compare-${run.runId}`,
        name: run.runId,
        className: `line-compare compare-${k % 4}`,
        points: c,
      });
    });
    return out;
  }, [epochs, metric, compare]);

  const plotW = Math.max(50, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const { sx, sy, paths } = useMemo(() => {
    let x1 = 1;
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of series)
      for (const p of s.points) {
        x1 = Math.max(x1, p.x);
        if (p.y !== null && Number.isFinite(p.y) && (!log || p.y > 0)) {
          lo = Math.min(lo, p.y);
          hi = Math.max(hi, p.y);
        }
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
      paths: series.map((s) => ({ ...s, d: pathOf(s.points, sxs, sys, log) })),
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
