/**
 * Each Dense layer's weight histogram of both sides overlaid on one shared range (A blue, B
 * orange, translucent), with the near-zero share of each: L1 piles weights at 0, L2 narrows
 * the bell. The statistics are the ones the Training tab's Weights view draws.
 */
import { memo, useRef } from 'react';
import type { RunWeightStats } from '../../../electron/contract/training';
import { ExportChart } from '../../charts/ExportChart';

const W = 300;
const H = 90;

function bars(s: RunWeightStats, lo: number, hi: number) {
  const { counts, lo: a, hi: b } = s.histogram;
  const max = Math.max(1, ...counts);
  const bw = (b - a) / counts.length;
  const x = (v: number) => ((v - lo) / (hi - lo)) * W;
  return counts.map((c, i) => ({
    x: x(a + i * bw),
    w: Math.max(1, x(a + (i + 1) * bw) - x(a + i * bw) - 0.5),
    h: (c / max) * (H - 4),
  }));
}

const share = (s: RunWeightStats | null) =>
  s ? `${(s.nearZeroShare * 100).toFixed(1)} % near 0` : 'not recorded';

function OverlaidHistogramView(props: {
  a: RunWeightStats | null;
  b: RunWeightStats | null;
  labelA: string;
  labelB: string;
  name: string;
}) {
  const { a, b, labelA, labelB, name } = props;
  const figure = useRef<HTMLElement | null>(null);
  const layer = (b ?? a)!.nodeId ?? (b ?? a)!.name;
  const both = [a, b].filter((s): s is RunWeightStats => s !== null);
  const lo = Math.min(...both.map((s) => s.histogram.lo));
  const hi = Math.max(...both.map((s) => s.histogram.hi));
  const zero = ((0 - lo) / (hi - lo || 1)) * W;
  const title = `Weights of ${layer}`;
  return (
    <figure className="compare-weights has-export" aria-label={title} ref={figure}>
      <figcaption>
        <strong>{layer}</strong>
      </figcaption>
      <ExportChart target={figure} title={title} name={`${name}-${layer}-weights`} />
      <svg
        width={W}
        height={H}
        role="img"
        aria-label={`Weight histograms of ${layer}: ${labelA} and ${labelB}, from ${lo.toPrecision(2)} to ${hi.toPrecision(2)}`}
      >
        {(
          [
            ['a', a],
            ['b', b],
          ] as const
        ).map(([tag, s]) =>
          s ? (
            <g key={tag} className={`hist side-${tag}`} data-side={tag}>
              {bars(s, lo, hi).map((r, i) => (
                <rect key={i} x={r.x} y={H - r.h} width={r.w} height={r.h} />
              ))}
            </g>
          ) : null,
        )}
        <line x1={zero} x2={zero} y1={0} y2={H} className="zero" />
        <text x={2} y={H - 2} className="tick">
          {lo.toPrecision(2)}
        </text>
        <text x={W - 2} y={H - 2} textAnchor="end" className="tick">
          {hi.toPrecision(2)}
        </text>
      </svg>
      <div className="chart-legend">
        <span className="compare-key side-a" data-legend={`${labelA}: ${share(a)}`}>
          {labelA}: {share(a)}
        </span>
        <span className="compare-key side-b" data-legend={`${labelB}: ${share(b)}`}>
          {labelB}: {share(b)}
        </span>
      </div>
    </figure>
  );
}

export const OverlaidHistogram = memo(OverlaidHistogramView);
