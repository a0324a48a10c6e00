/**
 * The loss along one or two random, filter-normalised directions around the trained weights
 * (computed in the training worker on the training split): a line for 1-D, a shaded grid with
 * the trained point at its centre for 2-D.
 */
import { useState } from 'react';
import type { ResponseOf } from '../../../electron/contract';
import { describeError } from '../../src/errors';
import { usePlatform } from '../../src/platform';
import { MiniChart } from './MiniChart';

type Slice = ResponseOf<'training:landscape'>;

export function LandscapeView({ runId }: { runId: string }) {
  const { api } = usePlatform();
  const [dims, setDims] = useState<1 | 2>(1);
  const [slice, setSlice] = useState<{ runId: string; data: Slice } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const compute = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await api.invoke('training:landscape', { dims, seed: 1 });
      setSlice({ runId, data });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const shown = slice?.runId === runId ? slice.data : null;
  return (
    <section className="landscape" aria-label="Loss landscape">
      <h3>Loss landscape</h3>
      <p className="muted">
        The training loss at θ + α·d (+ β·e) for random directions d, e scaled per unit to its
        weights (filter normalisation, Li et al. 2018). A sharp valley means small weight changes
        cost a lot; L2 and ReLU vs linear layers change its shape. Small networks only (≤ 20,000
        parameters).
      </p>
      <div className="landscape-controls">
        <label>
          Directions{' '}
          <select value={dims} onChange={(e) => setDims(e.target.value === '2' ? 2 : 1)}>
            <option value="1">1 (line)</option>
            <option value="2">2 (contour)</option>
          </select>
        </label>
        <button type="button" onClick={() => void compute()} disabled={busy}>
          {busy ? 'Computing…' : 'Compute the loss landscape'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {shown && shown.betas === null && (
        <MiniChart
          title={`Loss along α ∈ [${shown.alphas[0]}, ${shown.alphas.at(-1)}] (centre ${shown.center?.toPrecision(4)})`}
          series={[{ name: 'loss', values: shown.losses }]}
        />
      )}
      {shown && shown.betas !== null && <Grid slice={shown} />}
    </section>
  );
}

function Grid({ slice }: { slice: Slice }) {
  const n = slice.alphas.length;
  const finite = slice.losses.filter((v): v is number => v !== null);
  const lo = Math.log(Math.min(...finite));
  const hi = Math.log(Math.max(...finite));
  const cell = 12;
  return (
    <figure className="landscape-grid" aria-label="Loss over two directions">
      <svg width={n * cell} height={n * cell} role="img" aria-label={`${n} × ${n} loss grid`}>
        {slice.losses.map((v, k) => {
          const t = v === null || !(hi > lo) ? 1 : (Math.log(v) - lo) / (hi - lo);
          const i = k % n;
          const j = Math.floor(k / n);
          return (
            <rect
              key={k}
              x={i * cell}
              y={(n - 1 - j) * cell}
              width={cell}
              height={cell}
              fill={`hsl(${220 - 200 * t}, 70%, ${35 + 30 * t}%)`}
            >
              <title>{`α ${slice.alphas[i]}, β ${slice.betas![j]}: ${v}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        Blue: low loss, red: high (log scale); the trained weights are the centre, loss{' '}
        {slice.center?.toPrecision(4)}.
      </figcaption>
    </figure>
  );
}
