/**
 * The command palette (Mod+K): type to filter every command by a fuzzy match, arrow keys to
 * choose, Enter to run, Escape to close. Commands that cannot run are greyed with the reason.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { useGraphStore } from '../store/graph';
import { useTrainingStore } from '../store/training';
import { fuzzyFilter } from './fuzzy';
import { paletteEntries } from './entries';
import { useCommandUi } from './state';
import { useCommands } from './useAppCommands';
import './commands.css';

export function CommandPalette() {
  const open = useCommandUi((s) => s.palette);
  return open ? <PaletteDialog /> : null;
}

function PaletteDialog() {
  const commands = useCommands();
  const close = useCommandUi((s) => s.closePalette);
  const graph = useGraphStore((s) => s.graph);
  // Re-read availability when what it depends on changes (selection, history, a run).
  const selected = useGraphStore((s) => s.selected);
  const runState = useTrainingStore((s) => s.current?.state);
  const history = useStore(
    useGraphStore.temporal,
    (s) => `${s.pastStates.length}:${s.futureStates.length}`,
  );
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const opener = useRef<Element | null>(null);

  const entries = useMemo(
    () => paletteEntries(commands, graph),
    // selected, runState and history are read through the stores by paletteEntries.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [commands, graph, selected, runState, history],
  );
  const shown = useMemo(
    () => fuzzyFilter(entries, query, (e) => `${e.label} ${e.group}`),
    [entries, query],
  );
  const at = Math.min(active, Math.max(shown.length - 1, 0));

  useEffect(() => {
    opener.current = document.activeElement;
  }, []);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [at, shown]);

  const finish = (run?: () => void) => {
    close();
    // Back to where the user was, so a command that acts on the focus finds it.
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
    run?.();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = shown.length || 1;
      setActive((at + (e.key === 'ArrowDown' ? 1 : -1) + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const entry = shown[at];
      if (entry && !entry.disabled) finish(entry.run);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish();
    } else if (e.key === 'Tab') e.preventDefault();
  };

  return (
    <div className="cmd-backdrop" onMouseDown={() => finish()}>
      <div
        className="cmd-palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          className="cmd-query"
          role="combobox"
          aria-label="Command"
          aria-expanded="true"
          aria-controls="cmd-list"
          aria-activedescendant={shown[at] ? `cmd-${shown[at].key}` : undefined}
          placeholder="Type a command…"
          autoFocus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="cmd-list" className="cmd-list" role="listbox" aria-label="Commands" ref={list}>
          {shown.map((entry, i) => (
            <li
              key={entry.key}
              id={`cmd-${entry.key}`}
              role="option"
              aria-selected={i === at}
              aria-disabled={entry.disabled !== null}
              className={`cmd-item${i === at ? ' is-active' : ''}${entry.disabled ? ' is-disabled' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => !entry.disabled && finish(entry.run)}
            >
              <span className="cmd-label">
                {entry.label}
                <span className="cmd-group">{entry.group}</span>
              </span>
              {entry.shortcut && <kbd className="cmd-keys">{entry.shortcut}</kbd>}
              {(entry.disabled ?? entry.hint) && (
                <span className="cmd-note">{entry.disabled ?? entry.hint}</span>
              )}
            </li>
          ))}
          {!shown.length && <li className="cmd-empty">No command matches “{query}”.</li>}
        </ul>
      </div>
    </div>
  );
}
