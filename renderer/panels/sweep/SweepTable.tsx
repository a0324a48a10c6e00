/** The variants: a sortable table with a small curve per run (validation solid, training dashed). */
import { useState } from 'react';
import type { SweepResult, VariantResult } from '../../../electron/contract/sweeps';
import { short } from './scale';

type Col = 'group' | 'seed' | 'bestEpoch' | 'bestVal' | 'test' | 'gap' | 'elapsedMs';
const COLS: { id: Col; label: string }[] = [
  { id: 'group', label: 'Parameters' },
  { id: 'seed', label: 'Seed' },
  { id: 'bestEpoch', label: 'Best epoch' },
  { id: 'bestVal', label: 'Best val. loss' },
  { id: 'test', label: 'Test' },
  { id: 'gap', label: 'Gap' },
  { id: 'elapsedMs', label: 'Time' },
];

function Spark({ v }: { v: VariantResult }) {
  const all = v.curve.flatMap((e) => [e.train, e.val]).filter((x): x is number => x !== null);
  if (all.length < 2) return null;
  const top = Math.max(...all);
  const n = Math.max(1, v.curve.length - 1);
  const path = (pick: (e: VariantResult['curve'][number]) => number | null) =>
    v.curve
      .map((e, i) => [i, pick(e)] as const)
      .filter(([, y]) => y !== null)
      .map(
        ([i, y], k) =>
          `${k ? 'L' : 'M'}${((i / n) * 80).toFixed(1)},${(24 - (y! / (top || 1)) * 22).toFixed(1)}`,
      )
      .join(' ');
  return (
    <svg className="sweep-spark" viewBox="0 0 80 26" aria-hidden="true">
      <path className="train" d={path((e) => e.train)} />
      <path className="val" d={path((e) => e.val)} />
    </svg>
  );
}

export function SweepTable({ result }: { result: SweepResult }) {
  const [sort, setSort] = useState<{ col: Col; asc: boolean }>({ col: 'bestVal', asc: true });
  const rows = [...result.variants].sort((a, b) => {
    const x = a[sort.col];
    const y = b[sort.col];
    if (x === null) return 1;
    if (y === null) return -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return sort.asc ? c : -c;
  });
  const testLabel = result.testMetric === 'mae' ? 'Test MAE' : 'Test accuracy';
  return (
    <table className="sweep-table" aria-label="Sweep variants">
      <thead>
        <tr>
          <th>Curves</th>
          {COLS.map((c) => (
            <th
              key={c.id}
              aria-sort={sort.col === c.id ? (sort.asc ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                onClick={() => setSort({ col: c.id, asc: sort.col === c.id ? !sort.asc : true })}
              >
                {c.id === 'test' ? testLabel : c.label}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((v) => (
          <tr key={v.id}>
            <td>
              <Spark v={v} />
            </td>
            <td>
              {v.group}
              {v.status !== 'completed' ? ` (${v.status})` : ''}
            </td>
            <td>{v.seed}</td>
            <td>{v.bestEpoch ?? '—'}</td>
            <td>{v.bestVal === null ? '—' : short(v.bestVal)}</td>
            <td>{v.test === null ? '—' : short(v.test)}</td>
            <td>{v.gap === null ? '—' : short(v.gap)}</td>
            <td>{(v.elapsedMs / 1000).toFixed(1)} s</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
