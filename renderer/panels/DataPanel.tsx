/** Data tab: open a CSV file (native dialog or workspace picker) and preview its first rows. */
import { useState } from 'react';
import Papa from 'papaparse';
import { usePlatform } from '../src/platform';
import { describeError } from '../src/errors';
import { useDataStore } from '../store/data';

const PREVIEW_ROWS = 12;

interface Preview {
  name: string;
  size: number;
  header: string[];
  rows: string[][];
  totalRows: number;
  delimiter: string;
}

export function DataPanel() {
  const platform = usePlatform();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open() {
    setError(null);
    try {
      const path = await platform.pickFile({
        title: 'Open a CSV file',
        filters: [{ name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] }],
      });
      if (!path) return;
      setBusy(true);
      const file = await platform.api.invoke('files:readText', { path });
      const parsed = Papa.parse<string[]>(file.text.replace(/^\uFEFF/, ''), {
        skipEmptyLines: true,
      });
      if (parsed.data.length === 0) throw new Error(`"${file.name}" has no rows.`);
      const [header = [], ...rows] = parsed.data;
      // Until the dataset import decides types and target, assume the usual layout: numeric
      // features, target in the last column.
      const classes = new Set(rows.map((r) => r[header.length - 1])).size;
      useDataStore.getState().setShape({
        name: file.name,
        features: Math.max(0, header.length - 1),
        classes: classes >= 2 && classes <= 50 ? classes : null,
        trainRows: null,
      });
      setPreview({
        name: file.name,
        size: file.size,
        header,
        rows: rows.slice(0, PREVIEW_ROWS),
        totalRows: rows.length,
        delimiter: parsed.meta.delimiter,
      });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="data-panel" aria-label="Data">
      <div className="row">
        <button type="button" onClick={() => void open()} disabled={busy}>
          Open CSV…
        </button>
        {preview && (
          <span className="muted">
            {preview.name} · {preview.totalRows} rows · {preview.header.length} columns ·{' '}
            {(preview.size / 1024).toFixed(1)} KB · delimiter “
            {preview.delimiter === '\t' ? 'tab' : preview.delimiter}”
          </span>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {preview && (
        <div className="table-wrap">
          <table aria-label={`Preview of ${preview.name}`}>
            <thead>
              <tr>
                {preview.header.map((h, i) => (
                  <th key={i}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r, i) => (
                <tr key={i}>
                  {preview.header.map((_, j) => (
                    <td key={j}>{r[j] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!preview && !error && <p className="muted">Open a CSV file to see its first rows.</p>}
    </section>
  );
}
