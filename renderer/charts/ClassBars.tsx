/**
 * Rows per class as horizontal bars, optionally split into train / validation / test segments,
 * so an imbalanced target or a split missing a class is visible at a glance (plain SVG).
 */
export interface ClassBarsProps {
  classes: string[];
  /** Per class, the rows in each split (or one total). */
  counts: number[][];
  label: string;
  segments?: string[];
}

const ROW = 18;
const LABEL = 70;
const WIDTH = 260;

export function ClassBars({ classes, counts, label, segments }: ClassBarsProps) {
  const totals = counts.map((c) => c.reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const scale = (WIDTH - LABEL - 40) / max;
  const legend = segments ? 18 : 0;
  const height = classes.length * ROW + 4 + legend;
  return (
    <svg
      className="class-bars"
      role="img"
      aria-label={label}
      width={WIDTH}
      height={height}
      viewBox={`0 0 ${WIDTH} ${height}`}
    >
      {classes.map((name, i) => {
        let x = LABEL;
        const y = i * ROW + 2;
        return (
          <g key={name}>
            <text x={LABEL - 6} y={y + 12} textAnchor="end">
              {name.length > 10 ? `${name.slice(0, 9)}…` : name}
            </text>
            {(counts[i] ?? []).map((c, s) => {
              const w = c * scale;
              const rect = (
                <rect key={s} className={`seg seg-${s}`} x={x} y={y} width={w} height={ROW - 4}>
                  <title>{`${name}${segments ? ` (${segments[s]})` : ''}: ${c}`}</title>
                </rect>
              );
              x += w;
              return rect;
            })}
            <text x={x + 4} y={y + 12}>
              {totals[i]}
            </text>
          </g>
        );
      })}
      {segments?.map((name, s) => (
        <g key={name} transform={`translate(${LABEL + s * 70}, ${height - 12})`}>
          <rect className={`seg seg-${s}`} width={10} height={10} />
          <text x={14} y={9}>
            {name}
          </text>
        </g>
      ))}
    </svg>
  );
}
