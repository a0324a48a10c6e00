/** The first rows of the file, as read (after delimiter, quote and header handling). */
const ROWS = 12;

export function Preview({
  name,
  header,
  rows,
}: {
  name: string;
  header: string[];
  rows: string[][];
}) {
  return (
    <div className="table-wrap">
      <table aria-label={`Preview of ${name}`}>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, ROWS).map((r, i) => (
            <tr key={i}>
              {header.map((_, j) => (
                <td key={j}>{r[j] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
