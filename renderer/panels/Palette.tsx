/** The node palette: drag a layer onto the canvas, or press it (or Enter) to add it in view. */
import type { DragEvent } from 'react';
import { LAYER_KINDS, LAYER_LABELS, type LayerKind } from '../../engine/graph/document';
import { KINDS } from '../../engine/graph/kinds';
import { PALETTE_MIME } from '../canvas/Canvas';

/** The tooltip: what the kind does and when to use it (the registry's words). */
const hint = (kind: LayerKind) => `${KINDS[kind].doc.what} ${KINDS[kind].doc.when}`;

export function Palette({ onAdd }: { onAdd(kind: LayerKind): void }) {
  const onDragStart = (e: DragEvent, kind: LayerKind) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="palette" aria-label="Layers">
      <h2>Layers</h2>
      <ul>
        {LAYER_KINDS.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className={`palette-item kind-${kind}`}
              draggable
              onDragStart={(e) => onDragStart(e, kind)}
              onClick={() => onAdd(kind)}
              title={hint(kind)}
            >
              {LAYER_LABELS[kind]}
            </button>
          </li>
        ))}
      </ul>
      <p className="palette-hint">Drag onto the canvas, or click to add.</p>
    </nav>
  );
}
