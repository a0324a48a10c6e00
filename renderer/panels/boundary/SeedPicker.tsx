/**
 * After "Train with N seeds": flip the Boundary tab between the run's own network and each
 * seed's, with that seed's final metrics — the same data and settings, only the initial weights
 * (and shuffling) differ, and the boundaries often do too: the loss is not convex.
 */
import type { BoundaryFrame } from '../../../electron/contract/boundary';
import { useBoundaryStore } from './store';

const num = (v: number | null, digits: number) => (v === null ? '–' : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);

export function SeedPicker({ seeds }: { seeds: NonNullable<BoundaryFrame['seeds']> }) {
  const setSeed = useBoundaryStore((s) => s.setSeed);
  const { list, shown } = seeds;
  // Positions: -1 is the run's own network, then the seeds in order.
  const at = shown ?? -1;
  const go = (i: number) => setSeed(i < 0 ? null : i);
  const final = shown !== null ? list[shown] : undefined;
  return (
    <div className="seed-picker" role="group" aria-label="Network shown">
      <button
        type="button"
        aria-label="Previous seed"
        disabled={at <= -1}
        onClick={() => go(at - 1)}
      >
        ◀
      </button>
      <select aria-label="Seed shown" value={at} onChange={(e) => go(Number(e.target.value))}>
        <option value={-1}>Trained run</option>
        {list.map((s, i) => (
          <option key={s.seed} value={i}>
            Seed {s.seed} ({i + 1} of {list.length})
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-label="Next seed"
        disabled={at >= list.length - 1}
        onClick={() => go(at + 1)}
      >
        ▶
      </button>
      {final ? (
        <dl className="seed-final" aria-label="Final metrics of this seed">
          <dt>training loss</dt>
          <dd>{num(final.trainLoss, 4)}</dd>
          {final.valLoss !== null && (
            <>
              <dt>validation loss</dt>
              <dd>{num(final.valLoss, 4)}</dd>
            </>
          )}
          {final.valAcc !== null ? (
            <>
              <dt>validation accuracy</dt>
              <dd>{pct(final.valAcc)}</dd>
            </>
          ) : (
            final.trainAcc !== null && (
              <>
                <dt>training accuracy</dt>
                <dd>{pct(final.trainAcc)}</dd>
              </>
            )
          )}
        </dl>
      ) : (
        <span className="muted">
          {list.length} seeds trained: flip through them to compare what each network learned.
        </span>
      )}
    </div>
  );
}
