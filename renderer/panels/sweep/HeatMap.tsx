/** Two parameters: mean best validation loss per cell, darker is lower, the best outlined. */
import type { SweepResult } from '../../../electron/contract/sweeps';
import { short } from './scale';

export function HeatMap({ h }: { h: NonNullable<SweepResult['heatMap']> }) {
  const vals = h.cells.flat().filter((v): v is number => v !== null);
  const lo = Math.min(...vals);
  const hi = Math.max(...vals);
  return (
    <table className="sweep-heat" aria-label="Heat-map of the validation loss">
      <thead>
        <tr>
          <th>
            {h.rowKey} \ {h.colKey}
          </th>
          {h.colValues.map((c) => (
            <th key={String(c)}>{short(c)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {h.rowValues.map((r, ri) => (
          <tr key={String(r)}>
            <th>{short(r)}</th>
            {h.cells[ri]!.map((v, ci) => {
              const t = v === null ? 0 : 1 - (v - lo) / (hi - lo || 1);
              const best = h.best?.row === ri && h.best.col === ci;
              return (
                <td
                  key={ci}
                  className={best ? 'best' : undefined}
                  style={{ background: `rgb(40 110 200 / ${(0.1 + 0.8 * t).toFixed(2)})` }}
                >
                  {v === null ? '—' : short(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
