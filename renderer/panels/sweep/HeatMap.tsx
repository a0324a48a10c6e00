/**
 * Two parameters: the mean best validation loss per cell as an SVG heat-map — darker is lower,
 * the best cell outlined, the parameter names on the axes and a colour bar under the grid — so
 * "Export chart…" saves it as a standalone SVG or PNG like every other chart. Read aloud it is a
 * table (ARIA roles on the SVG's rows and cells).
 */
import { memo, useMemo, useRef } from 'react';
import type { SweepResult } from '../../../electron/contract/sweeps';
import { ExportChart } from '../../charts/ExportChart';
import { heatLayout } from './heatLayout';

const CAPTION = 'mean best validation loss (without L1/L2 penalty); darker is lower';

function HeatMapView({ h, name }: { h: NonNullable<SweepResult['heatMap']>; name: string }) {
  const figure = useRef<HTMLElement | null>(null);
  const L = useMemo(() => heatLayout(h, CAPTION), [h]);
  const title = `Validation loss over ${h.rowKey} × ${h.colKey}`;
  const rows = h.rowValues.map((_, r) => L.cells.filter((c) => c.row === r));
  const best = L.cells.find((c) => c.best);
  return (
    <figure className="sweep-heatmap has-export" aria-label={title} ref={figure}>
      <ExportChart target={figure} title={title} name={`${name}-heatmap`} />
      <svg
        width={L.width}
        height={L.height}
        viewBox={`0 0 ${L.width} ${L.height}`}
        role="table"
        aria-label="Heat-map of the validation loss"
        className="sweep-heat"
      >
        <text className="heat-title" x={L.colTitle.x} y={L.colTitle.y} textAnchor="middle">
          {L.colTitle.text}
        </text>
        <text
          className="heat-title"
          x={L.rowTitle.x}
          y={L.rowTitle.y}
          textAnchor="middle"
          transform={`rotate(-90 ${L.rowTitle.x} ${L.rowTitle.y})`}
        >
          {L.rowTitle.text}
        </text>
        <g role="row">
          {/* The corner above the row values: named for screen readers, not drawn. */}
          <g role="columnheader" aria-label={`${h.rowKey} \\ ${h.colKey}`} />
          {L.colLabels.map((c) => (
            <text
              key={`${c.x}`}
              role="columnheader"
              className="heat-label"
              x={c.x}
              y={c.y}
              textAnchor="middle"
            >
              {c.text}
            </text>
          ))}
        </g>
        {rows.map((cells, r) => (
          <g role="row" key={r}>
            <text
              role="rowheader"
              className="heat-label"
              x={L.rowLabels[r]!.x}
              y={L.rowLabels[r]!.y}
              textAnchor="end"
              dominantBaseline="central"
            >
              {L.rowLabels[r]!.text}
            </text>
            {cells.map((c) => (
              <g role="cell" key={c.col} data-best={c.best ? '' : undefined}>
                <rect x={c.x} y={c.y} width={L.cellW} height={L.cellH} fill={c.fill} />
                <text
                  className="heat-value"
                  x={c.x + L.cellW / 2}
                  y={c.y + L.cellH / 2}
                  textAnchor="middle"
                  dominantBaseline="central"
                  fill={c.ink}
                >
                  {c.text}
                </text>
              </g>
            ))}
          </g>
        ))}
        {best && (
          <rect
            className="heat-best"
            data-testid="heat-best"
            x={best.x + 1.5}
            y={best.y + 1.5}
            width={L.cellW - 3}
            height={L.cellH - 3}
            fill="none"
            stroke="rgb(231, 111, 81)"
            strokeWidth={3}
          />
        )}
        <g aria-hidden="true" data-heat-legend="">
          {L.bar.steps.map((s, i) => (
            <rect key={i} x={s.x} y={L.bar.y} width={s.width} height={L.bar.height} fill={s.fill} />
          ))}
          <text className="heat-label" x={L.bar.x} y={L.bar.y + L.bar.height + 12}>
            {L.bar.low}
          </text>
          <text
            className="heat-label"
            x={L.bar.x + L.bar.width}
            y={L.bar.y + L.bar.height + 12}
            textAnchor="end"
          >
            {L.bar.high}
          </text>
          <text className="heat-label" x={L.bar.x} y={L.bar.y + L.bar.height + 26}>
            {L.bar.caption}
          </text>
        </g>
      </svg>
      <figcaption className="muted">
        Rows: {h.rowKey}; columns: {h.colKey}. Each cell: the {CAPTION}. Outlined: the best
        combination.
      </figcaption>
    </figure>
  );
}

export const HeatMap = memo(HeatMapView);
