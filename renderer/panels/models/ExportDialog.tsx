/**
 * File ▸ Export… (and Export on a trained run): the format and a new folder, then models:export
 * with the current draft, so the main side exports exactly what Save would write.
 */
import { plural } from '../../src/plural';
import { useState } from 'react';
import { MODEL_EXPORT_FORMATS, type ModelExportFormat } from '../../../electron/contract/models';
import { describeError } from '../../src/errors';
import { usePlatform } from '../../src/platform';
import { draft } from '../../src/projectFiles';
import { useProjectStore } from '../../store/project';
import { useUiStore } from '../../store/ui';
import { useModelsUi } from './store';
import './models.css';

const LABELS: Record<ModelExportFormat, string> = {
  onnx: 'ONNX (model.onnx, preprocessing as nodes)',
  tfjs: 'TF.js Layers (model.json + weights)',
  pytorch: 'PyTorch script (train_torch.py + weights)',
  keras: 'Keras 3 script (train_keras.py + weights)',
};

export function ExportDialog() {
  const open = useModelsUi((s) => s.exportOpen);
  return open ? <Dialog /> : null;
}

function Dialog() {
  const platform = usePlatform();
  const close = useModelsUi((s) => s.closeExport);
  const name = useProjectStore((s) => s.name).replace(/\.layerlab$/i, '');
  const [format, setFormat] = useState<ModelExportFormat>('onnx');
  const [folder, setFolder] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    const p = await platform.pickSavePath({
      title: 'Export into a new folder',
      filters: [{ name: 'Folder', extensions: ['*'] }],
      defaultName: `${name}-${format}`,
    });
    if (p) setFolder(p);
  };
  const run = async () => {
    if (!folder) return;
    setBusy(true);
    setError(null);
    try {
      const r = await platform.api.invoke('models:export', {
        format,
        outDir: folder,
        name,
        draft: draft(),
      });
      useUiStore.getState().notify(`Exported ${plural(r.files.length, 'file')} to ${r.outDir}.`);
      close();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <div
        className="modal export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Export the model"
      >
        <h2>Export the model</h2>
        <p className="muted">
          The trained network with its preprocessing, reference predictions and a check to run.
        </p>
        <fieldset>
          <legend>Format</legend>
          {MODEL_EXPORT_FORMATS.map((f) => (
            <label key={f} className="export-format">
              <input
                type="radio"
                name="export-format"
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              {LABELS[f]}
            </label>
          ))}
        </fieldset>
        <div className="export-folder">
          <button type="button" onClick={() => void choose()}>
            Choose folder…
          </button>
          <span aria-label="Export folder">{folder ?? 'no folder chosen'}</span>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={!folder || busy}
            onClick={() => void run()}
          >
            {busy ? 'Exporting…' : 'Export'}
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
