/** The grid, tick labels and axis lines of a per-epoch line chart (shared by the curve charts). */
import { tickLabel, type Scale } from './scale';

export function ChartAxes({
  sx,
  sy,
  pad,
  plotW,
  plotH,
  height,
}: {
  sx: Scale;
  sy: Scale;
  pad: { left: number; top: number };
  plotW: number;
  plotH: number;
  /** The whole drawing's height: the x labels sit at its foot. */
  height: number;
}) {
  return (
    <>
      {sy.ticks.map((t) => (
        <g key={`y${t}`} className="tick">
          <line x1={pad.left} x2={pad.left + plotW} y1={sy(t)} y2={sy(t)} className="grid" />
          <text x={pad.left - 4} y={sy(t) + 3} textAnchor="end">
            {tickLabel(t)}
          </text>
        </g>
      ))}
      {sx.ticks.map((t) => (
        <text key={`x${t}`} x={sx(t)} y={height - 6} textAnchor="middle" className="tick">
          {tickLabel(t)}
        </text>
      ))}
      <line x1={pad.left} x2={pad.left} y1={pad.top} y2={pad.top + plotH} className="axis" />
      <line
        x1={pad.left}
        x2={pad.left + plotW}
        y1={pad.top + plotH}
        y2={pad.top + plotH}
        className="axis"
      />
    </>
  );
}
