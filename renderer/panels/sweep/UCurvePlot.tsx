/** The U-curve: best training and validation loss against the parameter, gap shaded, best marked. */
import type { SweepResult } from '../../../electron/contract/sweeps';
import { useRef } from 'react';
import { ExportChart } from '../../charts/ExportChart';
import { short, xScale } from './scale';

const W = 420;
const H = 220;
const PAD = 36;

export function UCurvePlot({ u, name }: { u: SweepResult['uCurve']; name: string }) {
  const figure = useRef<HTMLElement | null>(null);
  const pts = u.points.filter((p) => p.val || p.train);
  if (pts.length === 0) return <p className="muted">No finished variant to plot.</p>;
  const x = xScale(
    pts.map((p) => p.value),
    u.log,
    W,
    PAD,
  );
  const ys = pts.flatMap((p) => [
    p.val ? p.val.mean + p.val.sd : null,
    p.train ? p.train.mean : null,
    p.val ? Math.max(0, p.val.mean - p.val.sd) : null,
  ]);
  const finite = ys.filter((v): v is number => v !== null && Number.isFinite(v));
  const top = Math.max(...finite, 1e-9);
  const bottom = Math.min(0, ...finite);
  const y = (v: number) => H - PAD - ((v - bottom) / (top - bottom || 1)) * (H - 2 * PAD);
  const line = (pick: (p: (typeof pts)[number]) => number | undefined) =>
    pts
      .map((p, i) => [x(i), pick(p)] as const)
      .filter(([, v]) => v !== undefined)
      .map(([px, v], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${y(v!).toFixed(1)}`)
      .join(' ');
  const both = pts.map((p, i) => ({ i, p })).filter(({ p }) => p.val && p.train);
  const gap =
    both.length > 1
      ? [
          ...both.map(({ i, p }) => `${x(i)},${y(p.val!.mean)}`),
          ...[...both].reverse().map(({ i, p }) => `${x(i)},${y(p.train!.mean)}`),
        ].join(' ')
      : null;
  const bestIndex = pts.findIndex((p) => p.value === u.bestValue);
  const best = bestIndex >= 0 ? pts[bestIndex]! : null;
  return (
    <figure className="sweep-ucurve has-export" aria-label={`U-curve of ${u.key}`} ref={figure}>
      <ExportChart target={figure} title={`U-curve of ${u.key}`} name={`${name}-ucurve`} />
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Best loss against ${u.key}`}>
        {gap && <polygon className="sweep-gap" points={gap} />}
        <path className="sweep-line train" d={line((p) => p.train?.mean)} />
        <path className="sweep-line val" d={line((p) => p.val?.mean)} />
        {pts.map((p, i) =>
          p.val ? (
            <line
              key={i}
              className="sweep-sd"
              x1={x(i)}
              x2={x(i)}
              y1={y(p.val.mean - p.val.sd)}
              y2={y(p.val.mean + p.val.sd)}
            />
          ) : null,
        )}
        {pts.map((p, i) => (
          <text key={i} className="sweep-tick" x={x(i)} y={H - PAD + 14} textAnchor="middle">
            {short(p.value)}
          </text>
        ))}
        {best?.val && (
          <circle
            className="sweep-best"
            data-testid="sweep-best"
            cx={x(bestIndex)}
            cy={y(best.val.mean)}
            r={5}
          />
        )}
        <text className="sweep-tick" x={W / 2} y={H - 4} textAnchor="middle">
          {u.key}
          {u.log ? ' (log scale; 0 at the left)' : ''}
        </text>
      </svg>
      <figcaption>
        <span className="sweep-key train" data-legend="training">
          training
        </span>{' '}
        <span className="sweep-key val" data-legend="validation (± sd over seeds)">
          validation (± sd over seeds)
        </span>
        , data loss at the best epoch; shaded: the gap.{' '}
        {u.bestValue !== null && (
          <strong data-testid="sweep-best-value">
            Best {u.key}: {short(u.bestValue)}
            {u.atEnd ? ' — at the end of the range: widen it to be sure.' : ''}
          </strong>
        )}
      </figcaption>
      <ul className="sweep-verdicts" aria-label="Best against its neighbours">
        {u.versusNeighbours.map((n) => (
          <li key={String(n.value)}>
            vs {short(n.value)}: {n.message}
          </li>
        ))}
      </ul>
    </figure>
  );
}
