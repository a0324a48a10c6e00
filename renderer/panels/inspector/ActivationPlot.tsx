/** A small plot of an activation and its derivative, with notes on when to use it. */
import type { ActivationFn } from '../../../engine/graph/document';
import { activationInfo, curvePath } from './activationInfo';
import './activationPlot.css';
import { fitYRange, niceTicks, tickLabel } from './plotScale';

const W = 240;
const H = 130;
// Room for the tick numbers left of and below the plot area.
const LEFT = 26;
const BOTTOM = 16;
const PW = W - LEFT - 4;
const PH = H - BOTTOM - 4;
const X0 = -4;
const X1 = 4;

export function ActivationPlot({ fn, alpha }: { fn: ActivationFn; alpha: number }) {
  const info = activationInfo(fn, alpha);
  const box = { w: PW, h: PH, x0: X0, x1: X1, ...fitYRange([info.f, info.df], X0, X1) };
  const px = (x: number) => ((x - box.x0) / (box.x1 - box.x0)) * PW;
  const py = (y: number) => PH - ((y - box.y0) / (box.y1 - box.y0)) * PH;
  const xTicks = niceTicks(X0, X1, 4);
  const yTicks = niceTicks(box.y0, box.y1, 4);
  return (
    <figure className="activation-plot" aria-label={`Plot of ${info.formula} and its derivative`}>
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${info.formula}, range ${info.range}`}
      >
        <g transform={`translate(${LEFT},4)`}>
          <line x1={0} x2={PW} y1={py(0)} y2={py(0)} className="axis" />
          <line x1={px(0)} x2={px(0)} y1={0} y2={PH} className="axis" />
          <line x1={0} x2={PW} y1={PH} y2={PH} className="axis frame" />
          <line x1={0} x2={0} y1={0} y2={PH} className="axis frame" />
          {xTicks.map((t) => (
            <g key={`x${t}`} className="tick x-tick">
              <line x1={px(t)} x2={px(t)} y1={PH} y2={PH + 3} className="axis" />
              <text x={px(t)} y={PH + 12} textAnchor="middle">
                {tickLabel(t)}
              </text>
            </g>
          ))}
          {yTicks.map((t) => (
            <g key={`y${t}`} className="tick y-tick">
              <line x1={-3} x2={0} y1={py(t)} y2={py(t)} className="axis" />
              <text x={-5} y={py(t) + 3} textAnchor="end">
                {tickLabel(t)}
              </text>
            </g>
          ))}
          <path d={curvePath(info.df, box)} className="curve-derivative" />
          <path d={curvePath(info.f, box)} className="curve-function" />
        </g>
      </svg>
      <figcaption>
        <div>
          <span className="legend function">━ {info.formula}</span>{' '}
          <span className="legend derivative">┅ derivative</span>
        </div>
        <div className="muted">Range {info.range}; x from −4 to 4.</div>
        <ul>
          {info.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
