/** At start: documents an earlier session autosaved but never saved (it ended abruptly). */
import { useEffect, useState } from 'react';
import type { Recoverable } from '../../electron/contract/projects';
import { usePlatform } from '../src/platform';
import { applyProject, recoverable } from '../src/projectFiles';
import { describeError } from '../src/errors';

export function RecoveryDialog() {
  const { api } = usePlatform();
  const [items, setItems] = useState<Recoverable[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void recoverable(api).then((found) => live && setItems(found));
    return () => {
      live = false;
    };
  }, [api]);
  if (!items.length) return null;
  const drop = (key: string) => setItems((xs) => xs.filter((x) => x.key !== key));
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-label="Recover unsaved work">
        <h2>Recover unsaved work</h2>
        <p>Layerlab closed without saving these documents. Their last autosave can be opened.</p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ul className="recovery-list">
          {items.map((it) => (
            <li key={it.key}>
              <strong>{it.title}</strong>{' '}
              <span className="muted">autosaved {new Date(it.savedAt).toLocaleString()}</span>
              <span className="row">
                <button
                  type="button"
                  className="primary"
                  onClick={() =>
                    void api.invoke('projects:recover', { key: it.key }).then(
                      (o) => {
                        applyProject(o);
                        setItems([]);
                      },
                      (err: unknown) => setError(describeError(err)),
                    )
                  }
                >
                  Recover
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void api
                      .invoke('projects:discardRecovery', { key: it.key })
                      .finally(() => drop(it.key))
                  }
                >
                  Discard
                </button>
              </span>
            </li>
          ))}
        </ul>
        <div className="modal-actions">
          <button type="button" onClick={() => setItems([])}>
            Not now
          </button>
        </div>
      </div>
    </div>
  );
}
