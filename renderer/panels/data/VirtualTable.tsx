/**
 * A table that only renders the rows (and, when there are many, the columns) in view, with
 * spacer rows and cells for the rest (@tanstack/react-virtual). A 1,000-row or 800-column table
 * then costs what its visible part costs. The scroll box has a fixed largest height, so the
 * table scrolls inside its section.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef, type ReactNode } from 'react';

/** From this many columns on, columns are virtualised too (each then has a fixed width). */
const MANY_COLUMNS = 24;

interface Props<R> {
  label: string;
  className?: string;
  header: readonly ReactNode[];
  rows: readonly R[];
  /** The content of cell (row, column j). */
  cell(row: R, j: number): ReactNode;
  /** A whole cell element instead (a <th scope="row">, controls): overrides `cell`. */
  cellElement?(row: R, j: number): ReactNode;
  rowKey?(row: R, i: number): string | number;
  rowClass?(row: R): string | undefined;
  /** Estimated row height in pixels (rows are measured once drawn). */
  rowHeight?: number;
  columnWidth?: number;
}

function VirtualTableOf<R>(props: Props<R>) {
  const { label, className, header, rows, cell, cellElement, rowKey, rowClass } = props;
  const { rowHeight = 22, columnWidth = 84 } = props;
  const box = useRef<HTMLDivElement>(null);
  const wide = header.length >= MANY_COLUMNS;
  const rv = useVirtualizer({
    count: rows.length,
    getScrollElement: () => box.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    initialRect: { width: 1200, height: 480 },
  });
  const cv = useVirtualizer({
    horizontal: true,
    count: wide ? header.length : 0,
    getScrollElement: () => box.current,
    estimateSize: () => columnWidth,
    overscan: 6,
    initialRect: { width: 1200, height: 480 },
  });
  const vRows = rv.getVirtualItems();
  const vCols = wide ? cv.getVirtualItems() : header.map((_, j) => ({ index: j }));
  const before = wide ? (cv.getVirtualItems()[0]?.start ?? 0) : 0;
  const after = wide ? cv.getTotalSize() - (cv.getVirtualItems().at(-1)?.end ?? 0) : 0;
  const top = vRows[0]?.start ?? 0;
  const bottom = rv.getTotalSize() - (vRows.at(-1)?.end ?? 0);
  const colStyle = wide ? { width: columnWidth, minWidth: columnWidth, maxWidth: columnWidth } : {};
  const span = vCols.length + (before ? 1 : 0) + (after ? 1 : 0);
  return (
    <div className="table-wrap virtual" ref={box}>
      <table aria-label={label} aria-rowcount={rows.length + 1} className={className}>
        <thead>
          <tr>
            {before > 0 && <th aria-hidden style={{ width: before, padding: 0 }} />}
            {vCols.map(({ index: j }) => (
              <th
                key={j}
                style={colStyle}
                className={wide ? 'clip' : undefined}
                title={wide && typeof header[j] === 'string' ? header[j] : undefined}
              >
                {header[j]}
              </th>
            ))}
            {after > 0 && <th aria-hidden style={{ width: after, padding: 0 }} />}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden className="spacer" style={{ height: top }}>
              <td colSpan={span} />
            </tr>
          )}
          {vRows.map((v) => {
            const r = rows[v.index]!;
            return (
              <tr
                key={rowKey ? rowKey(r, v.index) : v.index}
                className={rowClass?.(r)}
                data-index={v.index}
                ref={rv.measureElement}
                aria-rowindex={v.index + 2}
              >
                {before > 0 && <td aria-hidden className="spacer" />}
                {vCols.map(({ index: j }) =>
                  cellElement ? (
                    <Keyed key={j}>{cellElement(r, j)}</Keyed>
                  ) : (
                    <td key={j} style={colStyle} className={wide ? 'clip' : undefined}>
                      {cell(r, j)}
                    </td>
                  ),
                )}
                {after > 0 && <td aria-hidden className="spacer" />}
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden className="spacer" style={{ height: bottom }}>
              <td colSpan={span} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Gives a cell element a key without wrapping it in another element. */
function Keyed({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export const VirtualTable = memo(VirtualTableOf) as typeof VirtualTableOf;
