/**
 * Wiring from the keyboard. While a connection is being made, the arrow keys offer each node
 * that may take the source's output in turn (nearest first), Enter connects, Escape cancels.
 * The offered target is outlined on the canvas and named in a status line.
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useGraphStore } from '../store/graph';
import { useUiStore } from '../store/ui';
import { useCommandUi } from './state';
import './commands.css';

const NEXT = new Set(['ArrowDown', 'ArrowRight']);
const PREVIOUS = new Set(['ArrowUp', 'ArrowLeft']);

export function ConnectMode() {
  const connecting = useCommandUi((s) => s.connecting);
  const graph = useGraphStore((s) => s.graph);
  const { getNode, setCenter, getZoom } = useReactFlow();
  const target = connecting ? connecting.targets[connecting.index] : undefined;
  const gone =
    !!connecting &&
    (!graph.nodes.some((n) => n.id === connecting.source) ||
      !graph.nodes.some((n) => n.id === target));

  useConnectMarks(connecting && !gone ? connecting.source : null, (!gone && target) || null);

  // The network changed under the connection (undo, delete): there is nothing left to wire.
  useEffect(() => {
    if (gone) useCommandUi.getState().stopConnecting();
  }, [gone]);

  // Keep the offered target in view: pan to it when it is (partly) outside the canvas.
  useEffect(() => {
    const node = target ? getNode(target) : undefined;
    if (!node || !target) return;
    const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(target)}"]`);
    const view = document.querySelector('.canvas');
    if (el && view) {
      const a = el.getBoundingClientRect();
      const b = view.getBoundingClientRect();
      if (a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom) return;
    }
    const w = node.measured?.width ?? 150;
    const h = node.measured?.height ?? 56;
    void setCenter(node.position.x + w / 2, node.position.y + h / 2, {
      zoom: getZoom(),
      duration: 150,
    });
  }, [target, getNode, setCenter, getZoom]);

  useEffect(() => {
    if (!connecting) return;
    // Capture phase on the window: the keys never reach the canvas (which moves nodes on arrows).
    const onKey = (e: KeyboardEvent) => {
      const ui = useCommandUi.getState();
      const c = ui.connecting;
      if (!c) return;
      if (NEXT.has(e.key)) ui.moveTarget(1);
      else if (PREVIOUS.has(e.key)) ui.moveTarget(-1);
      else if (e.key === 'Escape') ui.stopConnecting();
      else if (e.key === 'Enter') {
        const to = c.targets[c.index]!;
        const problem = useGraphStore.getState().connect(c.source, to);
        ui.stopConnecting();
        if (problem) useUiStore.getState().notify(problem, 'error');
        // The target is selected: pressing the key again wires on from it.
        else useGraphStore.getState().select([to]);
      } else if (e.key === 'Tab' || e.key.length === 1) {
        // Typing or moving the focus elsewhere ends the connection, without wiring.
        ui.stopConnecting();
        return;
      } else return;
      e.preventDefault();
      e.stopPropagation();
    };
    // A click means the user went on with the mouse: the keyboard connection ends.
    const onDown = () => useCommandUi.getState().stopConnecting();
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('mousedown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('mousedown', onDown, true);
    };
  }, [connecting]);

  if (!connecting || gone || !target) return null;
  return (
    <div className="connect-bar" role="status" aria-label="Connecting">
      Connect <strong>{connecting.source}</strong> → <strong>{target}</strong>
      <span className="connect-count">
        {' '}
        ({connecting.index + 1} of {connecting.targets.length})
      </span>
      <span className="connect-keys">
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose · <kbd>Enter</kbd> connect · <kbd>Esc</kbd> cancel
      </span>
    </div>
  );
}

/**
 * Marks the source and the offered target on the canvas. An attribute React Flow does not
 * manage (it owns the node's class), since the page's style policy forbids inline style sheets.
 */
function useConnectMarks(source: string | null, target: string | null): void {
  useEffect(() => {
    const marked: Element[] = [];
    const mark = (id: string | null, role: string) => {
      const el = id && document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      if (!el) return;
      el.setAttribute('data-connect', role);
      marked.push(el);
    };
    mark(source, 'source');
    mark(target, 'target');
    return () => marked.forEach((el) => el.removeAttribute('data-connect'));
  }, [source, target]);
}
