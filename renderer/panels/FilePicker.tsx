/**
 * Browser mode's file picker: there are no native dialogs, so files are chosen from the
 * workspace folder the host was started with, through the `files:list` channel.
 */
import { useEffect, useRef, useState } from 'react';
import type { DirEntry } from '../../electron/contract';
import { useUiStore } from '../store/ui';
import { usePlatform } from '../src/platform';
import { describeError } from '../src/errors';

export function FilePicker() {
  const picker = useUiStore((s) => s.picker);
  if (!picker) return null;
  return <PickerDialog key={picker.title} />;
}

function PickerDialog() {
  const picker = useUiStore((s) => s.picker)!;
  const close = useUiStore((s) => s.closePicker);
  const { api, info } = usePlatform();
  const [dir, setDir] = useState('');
  // The listing remembers its folder: entries of the folder being left are never clickable.
  const [listing, setListing] = useState<{
    dir: string;
    parent: string | null;
    entries: DirEntry[];
  } | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState(picker.defaultName ?? '');
  const dialog = useRef<HTMLDivElement>(null);
  const ext = picker.filters[0]?.extensions[0];
  /** Save mode: the typed name in the current folder, with the expected extension. */
  const savePath = () => {
    const name = fileName.trim();
    if (!name || /[\\/]/.test(name)) return null;
    const full =
      ext && ext !== '*' && !name.toLowerCase().endsWith(`.${ext}`) ? `${name}.${ext}` : name;
    return dir ? `${dir}/${full}` : full;
  };

  const exts = picker.filters.flatMap((f) => f.extensions.map((e) => e.toLowerCase()));
  const accepts = (e: DirEntry) =>
    e.kind === 'dir' ||
    exts.length === 0 ||
    exts.includes('*') ||
    exts.some((x) => e.name.toLowerCase().endsWith(`.${x}`));

  useEffect(() => {
    let live = true;
    setError(null);
    api.invoke('files:list', { dir }).then(
      (r) => {
        if (!live) return;
        setListing({ dir, parent: r.parent, entries: r.entries });
        // A choice survives a refresh of the same folder while its file is still listed.
        setChosen((c) => (c !== null && r.entries.some((e) => e.path === c) ? c : null));
      },
      (err) => live && setError(describeError(err)),
    );
    return () => {
      live = false;
    };
  }, [api, dir]);

  useEffect(() => dialog.current?.focus(), []);
  const shown = listing?.dir === dir ? listing : null;

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && close(null)}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-label={picker.title}
        tabIndex={-1}
        ref={dialog}
      >
        <h2>{picker.title}</h2>
        <div className="picker-path">
          Workspace{info.workspace ? ` (${info.workspace})` : ''} / {dir || ''}
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <ul className="picker-list" role="listbox" aria-label="Files">
          {shown !== null && shown.parent !== null && (
            <li>
              <button
                type="button"
                className="picker-entry dir"
                onClick={() => setDir(shown.parent ?? '')}
              >
                ⬑ ..
              </button>
            </li>
          )}
          {shown?.entries.filter(accepts).map((e) => (
            <li key={e.path} role="option" aria-selected={chosen === e.path}>
              <button
                type="button"
                className={`picker-entry ${e.kind}${chosen === e.path ? ' chosen' : ''}`}
                onClick={() =>
                  e.kind === 'dir'
                    ? setDir(e.path)
                    : picker.save
                      ? setFileName(e.name)
                      : setChosen(e.path)
                }
                onDoubleClick={() => e.kind === 'file' && !picker.save && close(e.path)}
              >
                {e.kind === 'dir' ? '📁 ' : '📄 '}
                {e.name}
                {e.kind === 'file' && (
                  <span className="muted"> {(e.size / 1024).toFixed(1)} KB</span>
                )}
              </button>
            </li>
          ))}
          {shown && shown.entries.filter(accepts).length === 0 && (
            <li className="muted">No matching files here.</li>
          )}
        </ul>
        {picker.save && (
          <label className="field">
            File name
            <input
              value={fileName}
              onChange={(e) => setFileName(e.target.value)}
              onKeyDown={(e) => {
                const target = savePath();
                if (e.key === 'Enter' && target) close(target);
              }}
            />
          </label>
        )}
        <div className="modal-actions">
          <button type="button" onClick={() => close(null)}>
            Cancel
          </button>
          {picker.save ? (
            <button
              type="button"
              className="primary"
              disabled={!savePath()}
              onClick={() => close(savePath())}
            >
              Save
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={!chosen}
              onClick={() => close(chosen)}
            >
              Open
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
