/** The document's saved sweeps: each opens its U-curve (or heat-map) and table again, untrained. */
import type { SavedSweep } from '../../../engine/graph/project/sweeps';
import { useSweepStore } from './sweepStore';
import { short } from './scale';

/** "l2 over 0, 0.001, 0.01 × 2 seeds". */
export function sweepSummary(s: SavedSweep): string {
  const params = s.params.map((p) => `${p.key} over ${p.values.map(short).join(', ')}`);
  return `${params.join(' and ')} × ${s.seeds} seed${s.seeds === 1 ? '' : 's'}`;
}

export function SavedSweeps({
  shown,
  onOpen,
}: {
  /** The sweep on show, if any (its button says so). */
  shown: string | null;
  onOpen(s: SavedSweep): void;
}) {
  const saved = useSweepStore((s) => s.saved);
  if (saved.length === 0) return null;
  return (
    <section className="sweep-saved" aria-label="Saved sweeps">
      <h3>Saved sweeps</h3>
      <ul>
        {saved.map((s) => (
          <li key={s.sweepId}>
            <strong>{s.sweepId}</strong>: {sweepSummary(s)} · {new Date(s.savedAt).toLocaleString()}{' '}
            <button
              type="button"
              className="link"
              aria-label={`Show ${s.sweepId}`}
              disabled={shown === s.sweepId}
              onClick={() => onOpen(s)}
            >
              {shown === s.sweepId ? 'shown' : 'Show'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
