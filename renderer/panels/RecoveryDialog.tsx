/** At start: documents an earlier session autosaved but never saved (it ended abruptly). */
import { useEffect } from 'react';
import { usePlatform } from '../src/platform';
import { applyProject } from '../src/projectFiles';
import { useRecoveryStore } from '../store/recovery';

export function RecoveryDialog() {
  const { api } = usePlatform();
  const { items, error, confirmingDiscardAll, busy } = useRecoveryStore();
  const store = useRecoveryStore.getState;
  useEffect(() => {
    void store().load(api);
  }, [api, store]);
  if (!items.length) return null;
  const n = items.length;
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label="Recover unsaved work">
        <h2>Recover unsaved work</h2>
        <p>
          Layerlab closed without saving {n === 1 ? 'this document' : `these ${n} documents`}.
          {n === 1 ? ' Its' : ' Their'} last autosave can be opened.
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {/* Bounded height: many autosaves scroll instead of pushing the buttons off screen. */}
        <ul className="recovery-list" aria-label="Autosaved documents">
          {items.map((it) => (
            <li key={it.key}>
              <strong>{it.title}</strong>{' '}
              <span className="muted">autosaved {new Date(it.savedAt).toLocaleString()}</span>
              <span className="row">
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() =>
                    void store()
                      .recover(api, it.key)
                      .then((o) => o && applyProject(o))
                  }
                >
                  Recover
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void store().discard(api, it.key)}
                >
                  Discard
                </button>
              </span>
            </li>
          ))}
        </ul>
        {confirmingDiscardAll ? (
          <div
            className="modal-actions recovery-confirm"
            role="group"
            aria-label="Confirm discarding"
          >
            <span className="field-error">Discard all {n} autosaves? This cannot be undone.</span>
            <button type="button" className="primary" onClick={() => void store().discardAll(api)}>
              Discard all {n}
            </button>
            <button type="button" onClick={() => store().askDiscardAll(false)}>
              Keep them
            </button>
          </div>
        ) : (
          <div className="modal-actions">
            {n > 1 && (
              <button type="button" disabled={busy} onClick={() => store().askDiscardAll(true)}>
                Discard all…
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => store().close()}>
              Not now
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
