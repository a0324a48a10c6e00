/** A small plot of an activation and its derivative, with notes on when to use it. */
import type { ActivationFn } from '../../../engine/graph/document';
import { activationInfo, curvePath } from './activationInfo';

const W = 240;
const H = 130;
const BOX = { w: W, h: H, x0: -4, x1: 4, y0: -1.5, y1: 2.5 };

export function ActivationPlot({ fn, alpha }: { fn: ActivationFn; alpha: number }) {
  const info = activationInfo(fn, alpha);
  const zeroY = H - ((0 - BOX.y0) / (BOX.y1 - BOX.y0)) * H;
  return (
    <figure className="activation-plot" aria-label={`Plot of ${info.formula} and its derivative`}>
      <svg
        width={W}
        height={H}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${info.formula}, range ${info.range}`}
      >
        <line x1={0} x2={W} y1={zeroY} y2={zeroY} className="axis" />
        <line x1={W / 2} x2={W / 2} y1={0} y2={H} className="axis" />
        <path d={curvePath(info.df, BOX)} className="curve-derivative" />
        <path d={curvePath(info.f, BOX)} className="curve-function" />
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
