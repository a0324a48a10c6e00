/** A small scatter plot (SVG), with an optional reference line: predicted vs actual, residuals. */
import { plural } from '../src/plural';
import { memo, useRef } from 'react';
import { ExportChart } from './ExportChart';
import { linearScale, tickLabel } from './scale';

const W = 240;
const H = 180;
const PAD = { left: 42, right: 8, top: 8, bottom: 28 };

function ScatterView({
  points,
  xLabel,
  yLabel,
  title,
  reference,
}: {
  points: readonly (readonly [number, number])[];
  xLabel: string;
  yLabel: string;
  title: string;
  /** 'diagonal' draws y = x (a perfect prediction); 'zero' draws y = 0 (no residual). */
  reference: 'diagonal' | 'zero';
}) {
  const figure = useRef<HTMLElement | null>(null);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (reference === 'diagonal')
    [x0, x1, y0, y1] = [Math.min(x0, y0), Math.max(x1, y1), Math.min(x0, y0), Math.max(x1, y1)];
  if (reference === 'zero') [y0, y1] = [Math.min(y0, 0), Math.max(y1, 0)];
  const sx = linearScale(x0, x1, PAD.left, W - PAD.right, 4);
  const sy = linearScale(y0, y1, H - PAD.bottom, PAD.top, 4);
  return (
    <figure className="scatter has-export" aria-label={title} ref={figure}>
      <ExportChart target={figure} title={title} name={title} />
      <svg width={W} height={H} role="img" aria-label={`${title}: ${plural(points.length, 'row')}`}>
        {sy.ticks.map((t) => (
          <text key={`y${t}`} x={PAD.left - 4} y={sy(t) + 3} textAnchor="end">
            {tickLabel(t)}
          </text>
        ))}
        {sx.ticks.map((t) => (
          <text key={`x${t}`} x={sx(t)} y={H - PAD.bottom + 12} textAnchor="middle">
            {tickLabel(t)}
          </text>
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="axis" />
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          className="axis"
        />
        {reference === 'diagonal' ? (
          <line x1={sx(x0)} y1={sy(x0)} x2={sx(x1)} y2={sy(x1)} className="reference" />
        ) : (
          <line x1={PAD.left} x2={W - PAD.right} y1={sy(0)} y2={sy(0)} className="reference" />
        )}
        {points.map(([x, y], i) => (
          <circle key={i} cx={sx(x)} cy={sy(y)} r={2.2} className="dot" />
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={H - 4} textAnchor="middle" className="label">
          {xLabel}
        </text>
      </svg>
      <figcaption>
        {title} ({yLabel} against {xLabel})
      </figcaption>
    </figure>
  );
}

export const Scatter = memo(ScatterView);
