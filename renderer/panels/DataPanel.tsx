/**
 * Data tab: open a CSV file (native dialog or workspace picker, a file dropped on the window, or
 * a bundled sample), see what Layerlab made of it, fix what looks wrong, accept it for training.
 * The parsing and every decision happen on the main side; this panel shows the summary.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DatasetOptionsPatch } from '../../electron/contract';
import { usePlatform } from '../src/platform';
import { useProjectStore } from '../store/project';
import { projectActions } from '../src/projectFiles';
import { useDataStore } from '../store/data';
import { useGraphAnalysis } from '../store/analysis';
import {
  configure,
  openPath,
  openSample,
  retrySkippingBadRows,
  SAMPLES,
  setTestFile,
} from './data/actions';
import { DatasetView } from './data/DatasetView';
import { GenerateButton } from './data/GenerateDialog';
import './data/data.css';

/** A project's linked dataset that was not found (or changed): "Locate…" it. */
/** Embed the dataset in the project file (default), or link it by path and content hash. */
function EmbedChoice() {
  const mode = useProjectStore((s) => s.datasetMode);
  const loaded = useDataStore((s) => s.summary !== null);
  if (!loaded) return null;
  return (
    <label
      className="check embed-choice"
      title="Unchecked: the project keeps the file's path and checks its content when opened"
    >
      <input
        type="checkbox"
        checked={mode === 'embed'}
        onChange={(e) =>
          useProjectStore.getState().setDatasetMode(e.target.checked ? 'embed' : 'link')
        }
      />
      Save the data inside the project file
    </label>
  );
}

function MissingDataset() {
  const platform = usePlatform();
  const link = useProjectStore((s) => s.missingLink);
  if (!link) return null;
  return (
    <p className="warning" role="alert">
      The project's dataset {link.name} is not at {link.path}.{' '}
      <button type="button" onClick={() => void projectActions(platform).locateDataset()}>
        Locate…
      </button>
    </p>
  );
}

export function DataPanel() {
  const platform = usePlatform();
  const api = platform.api;
  const { summary, loading, error, accepted } = useDataStore();
  const [sample, setSample] = useState('');
  const busy = loading !== null;
  // Stable callbacks: the memoised columns table and preview then skip unrelated renders.
  const change = useCallback((patch: DatasetOptionsPatch) => void configure(api, patch), [api]);
  const parameters = useGraphAnalysis().totalParams;
  const id = summary?.id;
  const known = summary?.options.parameters;

  // The sanity gate compares the network's parameters with the training rows: keep it told.
  useEffect(() => {
    if (!id || parameters === known || (parameters === null && known === null)) return;
    const timer = setTimeout(() => void configure(api, { parameters }), 400);
    return () => clearTimeout(timer);
  }, [api, id, parameters, known]);

  useEffect(
    () =>
      api.on('datasets:progress', (p) => {
        const current = useDataStore.getState().loading;
        if (current)
          useDataStore.getState().setLoading({ ...current, phase: p.phase, fraction: p.fraction });
      }),
    [api],
  );

  async function open() {
    const path = await platform.pickFile({
      title: 'Open a CSV file',
      filters: [{ name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] }],
    });
    if (path) await openPath(api, path);
  }

  async function chooseTestFile(choose: boolean) {
    if (!choose) return setTestFile(api, null);
    const path = await platform.pickFile({
      title: 'Open a test CSV file',
      filters: [{ name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] }],
    });
    if (path) await setTestFile(api, path);
  }

  return (
    <section className="data-panel" aria-label="Data">
      <MissingDataset />
      <EmbedChoice />
      <div className="row">
        <button type="button" onClick={() => void open()} disabled={busy}>
          Open CSV…
        </button>
        <GenerateButton disabled={busy} />
        <label>
          <select
            aria-label="Open sample dataset"
            value={sample}
            disabled={busy}
            onChange={(e) => {
              setSample('');
              void openSample(api, e.target.value);
            }}
          >
            <option value="">Open sample dataset…</option>
            {SAMPLES.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name} — {s.about}
              </option>
            ))}
          </select>
        </label>
        {loading && (
          <span className="muted" role="status">
            Loading {loading.file}
            {loading.phase ? ` (${loading.phase})` : ''}…{' '}
            {loading.fraction !== null && (
              <progress aria-label="Loading progress" max={1} value={loading.fraction} />
            )}
          </span>
        )}
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error.message}
          {error.canSkipBadRows && (
            <button type="button" onClick={() => void retrySkippingBadRows(api)}>
              Skip bad rows
            </button>
          )}
        </div>
      )}
      {summary && (
        <DatasetView
          summary={summary}
          accepted={accepted}
          busy={busy}
          onChange={change}
          onAccept={() => useDataStore.getState().accept()}
          onTestFile={(choose) => void chooseTestFile(choose)}
        />
      )}
      {!summary && !error && !loading && (
        <p className="muted">Open a CSV file, drop one on the window, or try a sample dataset.</p>
      )}
    </section>
  );
}
