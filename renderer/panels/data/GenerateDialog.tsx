/** The "Generate…" dialog of the Data panel: kind, size, noise and seed of a built-in dataset. */
import { useState } from 'react';
import { usePlatform } from '../../src/platform';
import { GENERATE_CHOICES, generateDataset, type GenerateRequest } from './generate';

export function GenerateButton({ disabled }: { disabled: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} disabled={disabled}>
        Generate…
      </button>
      {open && <GenerateDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function GenerateDialog({ onClose }: { onClose: () => void }) {
  const { api } = usePlatform();
  const [req, setReq] = useState<GenerateRequest>({
    kind: 'circles',
    size: 400,
    noise: 0.05,
    seed: 1,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const num = (key: 'size' | 'noise' | 'seed', v: string) => setReq({ ...req, [key]: Number(v) });
  function submit() {
    if (!Number.isInteger(req.size) || req.size < 10 || req.size > 20000)
      return setProblem('The size must be a whole number from 10 to 20000 rows.');
    if (!(req.noise >= 0 && req.noise <= 1)) return setProblem('The noise must be from 0 to 1.');
    if (!Number.isInteger(req.seed) || req.seed < 0)
      return setProblem('The seed must be a whole number of 0 or more.');
    onClose();
    void generateDataset(api, req);
  }
  return (
    <div className="modal-backdrop">
      <form
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label="Generate a dataset"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2>Generate a dataset</h2>
        <p className="muted">Two features x1, x2 in about −1…1; it is saved inside the project.</p>
        <label>
          Kind{' '}
          <select
            aria-label="Kind"
            value={req.kind}
            onChange={(e) => setReq({ ...req, kind: e.target.value as GenerateRequest['kind'] })}
          >
            {GENERATE_CHOICES.map((c) => (
              <option key={c.kind} value={c.kind}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Size (rows){' '}
          <input
            type="number"
            aria-label="Size"
            min={10}
            max={20000}
            value={req.size}
            onChange={(e) => num('size', e.target.value)}
          />
        </label>
        <label>
          Noise (σ){' '}
          <input
            type="number"
            aria-label="Noise"
            min={0}
            max={1}
            step={0.01}
            value={req.noise}
            onChange={(e) => num('noise', e.target.value)}
          />
        </label>
        <label>
          Seed{' '}
          <input
            type="number"
            aria-label="Seed"
            min={0}
            value={req.seed}
            onChange={(e) => num('seed', e.target.value)}
          />
        </label>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="primary">
            Generate
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
