/** A small histogram of one layer's weights (SVG bars), with its share of near-zero weights. */
import { memo, useRef } from 'react';
import { ExportChart } from './ExportChart';
import type { RunWeightStats } from '../../electron/contract/training';

const W = 180;
const H = 60;

function WeightHistogramView({ stats, label }: { stats: RunWeightStats; label: string }) {
  const figure = useRef<HTMLElement | null>(null);
  const { counts, lo, hi } = stats.histogram;
  const max = Math.max(1, ...counts);
  const bw = W / counts.length;
  const zeroX = ((0 - lo) / (hi - lo)) * W;
  return (
    <figure
      className="weight-hist has-export"
      aria-label={`${label}: ${(stats.nearZeroShare * 100).toFixed(1)} % of weights near zero`}
      ref={figure}
    >
      <ExportChart
        target={figure}
        title={`Weights of ${label}`}
        name={`${stats.nodeId ?? stats.name}-weights`}
      />
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Histogram of ${stats.count} weights from ${lo.toPrecision(2)} to ${hi.toPrecision(2)}`}
      >
        {counts.map((c, i) => {
          const h = (c / max) * (H - 2);
          return (
            <rect
              key={i}
              x={i * bw + 0.5}
              y={H - h}
              width={Math.max(1, bw - 1)}
              height={h}
              className="bar"
            />
          );
        })}
        <line x1={zeroX} x2={zeroX} y1={0} y2={H} className="zero" />
      </svg>
      <figcaption>
        <strong>{label}</strong> · {(stats.nearZeroShare * 100).toFixed(1)} % near 0 · ‖w‖₁{' '}
        {stats.l1Norm.toPrecision(3)} · ‖w‖₂ {stats.l2Norm.toPrecision(3)}
      </figcaption>
    </figure>
  );
}

export const WeightHistogram = memo(WeightHistogramView);
