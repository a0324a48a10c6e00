/**
 * Training and validation curves of both sides on shared axes: A in blue, B in orange;
 * training dashed, validation solid. Plain SVG like the Training tab's charts.
 */
import { memo, useMemo, useRef } from 'react';
import { linearScale, logScale } from '../../charts/scale';
import { ChartAxes } from '../../charts/ChartAxes';
import { downsample } from '../../charts/downsample';
import { ExportChart } from '../../charts/ExportChart';
import type { CompareSide, CurvePoint } from './model';

const W = 440;
const H = 190;
const PAD = { left: 46, right: 10, top: 8, bottom: 22 };
const MAX_POINTS = 400;

type Pick = (p: CurvePoint) => number | null;

function CompareCurvesView(props: {
  a: CompareSide;
  b: CompareSide;
  kind: 'loss' | 'metric';
  log: boolean;
  title: string;
  /** What the values are ("data loss, without the L1/L2 penalty"), under the title. */
  note?: string;
  name: string;
}) {
  const { a, b, kind, log, title, note, name } = props;
  const figure = useRef<HTMLElement | null>(null);
  const lines = useMemo(() => {
    const train: Pick = kind === 'loss' ? (p) => p.trainLoss : (p) => p.trainMetric;
    const val: Pick = kind === 'loss' ? (p) => p.valLoss : (p) => p.valMetric;
    const of = (side: CompareSide, tag: 'a' | 'b') =>
      [
        { key: `${tag}-train`, label: `${side.label} training`, pick: train, dashed: true },
        { key: `${tag}-val`, label: `${side.label} validation`, pick: val, dashed: false },
      ].map((l) => ({
        ...l,
        tag,
        points: downsample(side.curve, MAX_POINTS, l.pick).map((p) => ({
          x: p.epoch,
          y: l.pick(p),
        })),
      }));
    return [...of(a, 'a'), ...of(b, 'b')].filter((l) => l.points.some((p) => p.y !== null));
  }, [a, b, kind]);

  const ok = (y: number | null): y is number => y !== null && Number.isFinite(y) && (!log || y > 0);
  const xs = lines.flatMap((l) => l.points.map((p) => p.x));
  const ys = lines.flatMap((l) => l.points.map((p) => p.y)).filter(ok);
  if (ys.length === 0)
    return (
      <p className="muted">
        {kind === 'metric' ? 'No metric recorded per epoch on either side.' : 'No curves.'}
      </p>
    );
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const sx = linearScale(1, Math.max(2, ...xs), PAD.left, PAD.left + plotW, 6);
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (!log) {
    const pad = (hi - lo) * 0.05 || 0.05;
    [lo, hi] = [Math.max(lo >= 0 ? 0 : -Infinity, lo - pad), hi + pad];
  }
  const sy = log
    ? logScale(lo, hi, PAD.top + plotH, PAD.top)
    : linearScale(lo, hi, PAD.top + plotH, PAD.top, 4);
  const path = (pts: { x: number; y: number | null }[]) => {
    let d = '';
    let pen = false;
    for (const p of pts) {
      if (!ok(p.y)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`;
      pen = true;
    }
    return d;
  };
  return (
    <figure className="compare-chart has-export" aria-label={title} ref={figure}>
      <figcaption>
        {title}
        {note && <span className="compare-note"> · {note}</span>}
      </figcaption>
      <ExportChart target={figure} title={note ? `${title} (${note})` : title} name={name} />
      <svg width={W} height={H} role="img" aria-label={`${title}: ${a.label} and ${b.label}`}>
        <ChartAxes sx={sx} sy={sy} pad={PAD} plotW={plotW} plotH={plotH} height={H} />
        {lines.map((l) => (
          <path
            key={l.key}
            d={path(l.points)}
            data-series={l.key}
            className={`compare-line side-${l.tag}${l.dashed ? ' dashed' : ''}`}
          />
        ))}
      </svg>
      <div className="chart-legend">
        {lines.map((l) => (
          <span
            key={l.key}
            className={`compare-key side-${l.tag}${l.dashed ? ' dashed' : ''}`}
            data-legend={l.label}
            {...(l.dashed ? { 'data-dashed': '' } : {})}
          >
            {l.label}
          </span>
        ))}
      </div>
    </figure>
  );
}

export const CompareCurves = memo(CompareCurvesView);
