/**
 * One row per column: its type (overridable), whether it feeds the network, missing values and
 * how they are filled, its statistics or top categories, and a histogram where one helps.
 */
import { memo, useState } from 'react';
import {
  COLUMN_KINDS,
  IMPUTE_STRATEGIES,
  type ColumnSummaryData,
  type DatasetOptionsPatch,
} from '../../../electron/contract';
import { Histogram } from '../../charts/Histogram';
import { columnValues, IMPUTE_LABELS, KIND_LABELS } from './format';
import { VirtualTable } from './VirtualTable';

interface Props {
  columns: ColumnSummaryData[];
  /** The user's column overrides (for the constant fill values). */
  overrides: NonNullable<DatasetOptionsPatch['columns']>;
  busy: boolean;
  onChange(patch: DatasetOptionsPatch): void;
}

const HEAD = ['Column', 'Type', 'Use', 'Missing', 'Fill missing with', 'Values', 'Distribution'];

export const ColumnsTable = memo(function ColumnsTable({
  columns,
  overrides,
  busy,
  onChange,
}: Props) {
  const set = (name: string, o: NonNullable<DatasetOptionsPatch['columns']>[string]) =>
    onChange({ columns: { [name]: o } });
  return (
    <VirtualTable
      label="Columns"
      className="columns-table"
      header={HEAD}
      rows={columns}
      rowKey={(c) => c.name}
      rowClass={(c) => c.role}
      rowHeight={31}
      cell={() => null}
      cellElement={(c, j) => cellOf(c, j, { overrides, busy, set })}
    />
  );
});

interface CellContext {
  overrides: Props['overrides'];
  busy: boolean;
  set(name: string, o: NonNullable<DatasetOptionsPatch['columns']>[string]): void;
}

/** Cell j of a column's row (the column's name is the row's header cell). */
function cellOf(c: ColumnSummaryData, j: number, { overrides, busy, set }: CellContext) {
  switch (j) {
    case 0:
      return (
        <th scope="row" title={c.reason ?? undefined}>
          {c.name}
          {c.role === 'target' && <span className="tag">target</span>}
        </th>
      );
    case 1:
      return (
        <td>
          <select
            aria-label={`Type of ${c.name}`}
            value={c.kind}
            disabled={busy}
            onChange={(e) => set(c.name, { kind: e.target.value as ColumnSummaryData['kind'] })}
          >
            {COLUMN_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
                {k === c.inferredKind ? ' (detected)' : ''}
              </option>
            ))}
          </select>
        </td>
      );
    case 2:
      return (
        <td className="use">
          {c.role === 'target' ? (
            <span>target</span>
          ) : (
            <label>
              <input
                type="checkbox"
                aria-label={`Use ${c.name} as a feature`}
                checked={c.role === 'feature'}
                disabled={busy}
                onChange={(e) => set(c.name, { use: e.target.checked })}
              />
              {c.role === 'excluded' && c.reason ? (
                <span className="reason">{c.reason}</span>
              ) : null}
            </label>
          )}
        </td>
      );
    case 3:
      return <td>{c.missing + c.invalid}</td>;
    case 4:
      return (
        <td>
          {c.role === 'feature' ? (
            <select
              aria-label={`Fill missing values of ${c.name}`}
              value={c.impute}
              disabled={busy}
              onChange={(e) =>
                set(c.name, { impute: e.target.value as ColumnSummaryData['impute'] })
              }
            >
              {IMPUTE_STRATEGIES.filter(
                (s) => c.kind !== 'categorical' || (s !== 'mean' && s !== 'median'),
              ).map((s) => (
                <option key={s} value={s}>
                  {IMPUTE_LABELS[s]}
                </option>
              ))}
            </select>
          ) : (
            '—'
          )}
          {c.role === 'feature' && c.impute === 'constant' && (
            <FillInput
              key={`${c.name}=${overrides[c.name]?.fill ?? ''}`}
              column={c}
              value={overrides[c.name]?.fill ?? ''}
              busy={busy}
              onApply={(fill) => set(c.name, { fill })}
            />
          )}
        </td>
      );
    case 5:
      return <td className="values">{columnValues(c)}</td>;
    default:
      return (
        <td>{c.histogram && <Histogram bins={c.histogram} label={`Histogram of ${c.name}`} />}</td>
      );
  }
}

/** The value for the 'constant' strategy; applied on Enter or when leaving the field. */
function FillInput(props: {
  column: ColumnSummaryData;
  value: string;
  busy: boolean;
  onApply(fill: string): void;
}) {
  const { column, value, busy, onApply } = props;
  const [text, setText] = useState(value);
  const numeric = column.kind !== 'categorical';
  const bad = numeric && text.trim() !== '' && !Number.isFinite(Number(text));
  const apply = () => {
    if (!bad && text !== value) onApply(text.trim());
  };
  return (
    <input
      className="fill"
      aria-label={`Fill value for ${column.name}`}
      aria-invalid={bad}
      title={bad ? 'A number is needed' : undefined}
      placeholder={numeric ? '0' : 'category'}
      value={text}
      disabled={busy}
      onChange={(e) => setText(e.target.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
    />
  );
}
