/**
 * Beside the evaluation of the latest run: the same settings trained with 5 seeds (curves as a
 * mean ± sd band, final metrics as mean ± sd: the loss is not convex, so the start matters), and
 * the evaluation with dropout left on (Monte-Carlo, N seeded passes) with the spread it gives.
 */
import { useState } from 'react';
import type { ResponseOf } from '../../../electron/contract';
import { describeError } from '../../src/errors';
import { usePlatform } from '../../src/platform';
import { MiniChart, type MiniSeries } from './MiniChart';
import { bandOf } from './band';
import { useSeedGroups } from '../compare/seedGroups';
import './diagnostics.css';

type Seeds = ResponseOf<'training:seeds'>;
type Mc = ResponseOf<'training:mcDropout'>;
type MeanSd = Seeds['final']['trainLoss'];

const SEEDS = 5;
const PASSES = 30;

const ms = (s: MeanSd | null, digits = 4) =>
  !s || s.mean === null ? '–' : `${s.mean.toFixed(digits)} ± ${(s.sd ?? 0).toFixed(digits)}`;

function useCall<T>(): [T | null, boolean, string | null, (f: () => Promise<T>) => Promise<void>] {
  const [value, setValue] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (f: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      setValue(await f());
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return [value, busy, error, run];
}

export function ModelAnalyses({ runId }: { runId: string }) {
  const { api } = usePlatform();
  const [seeds, seedsBusy, seedsError, runSeeds] = useCall<Seeds & { runId: string }>();
  const [mc, mcBusy, mcError, runMc] = useCall<Mc & { runId: string }>();
  const s = seeds?.runId === runId ? seeds : null;
  const m = mc?.runId === runId ? mc : null;
  const bands: MiniSeries[] = s
    ? [
        { name: 'training (mean ± sd)', ...bandOf(s.trainLoss) },
        ...(s.valLoss.some((c) => c.some((v) => v !== null))
          ? [{ name: 'validation (mean ± sd)', ...bandOf(s.valLoss) }]
          : []),
      ]
    : [];
  return (
    <section className="model-analyses" aria-label="Seeds and dropout at test time">
      <div className="analysis">
        <h3>Sensitivity to initialisation</h3>
        <button
          type="button"
          disabled={seedsBusy}
          onClick={() =>
            void runSeeds(async () => {
              const res = await api.invoke('training:seeds', { count: SEEDS });
              // Kept for Training ▸ Compare Runs…, which tests seed groups against the noise.
              useSeedGroups.getState().add({ runId, ...res });
              return { runId, ...res };
            })
          }
        >
          {seedsBusy ? `Training ${SEEDS} seeds…` : `Train with ${SEEDS} seeds`}
        </button>
        {seedsError && (
          <p className="field-error" role="alert">
            {seedsError}
          </p>
        )}
        {s && (
          <>
            <MiniChart title={`Loss over seeds ${s.seeds.join(', ')}`} series={bands} />
            <dl className="seed-finals" aria-label="Final metrics over the seeds">
              <dt>Training loss</dt>
              <dd>{ms(s.final.trainLoss)}</dd>
              <dt>Validation loss</dt>
              <dd>{ms(s.final.valLoss)}</dd>
              {s.final.valAcc && (
                <>
                  <dt>Validation accuracy</dt>
                  <dd>{ms(s.final.valAcc, 3)}</dd>
                </>
              )}
            </dl>
            <p className="muted">
              Same data, settings and split; only the seed of the initial weights, dropout and
              shuffling changes. A network&apos;s loss is not convex: each start can end in another
              minimum.
            </p>
          </>
        )}
      </div>
      <div className="analysis">
        <h3>Dropout at test time</h3>
        <button
          type="button"
          disabled={mcBusy}
          onClick={() =>
            void runMc(async () => ({
              runId,
              ...(await api.invoke('training:mcDropout', { passes: PASSES, seed: 1 })),
            }))
          }
        >
          {mcBusy ? 'Evaluating…' : `Evaluate with dropout on (${PASSES} passes)`}
        </button>
        {mcError && (
          <p className="field-error" role="alert">
            {mcError}
          </p>
        )}
        {m && <McResult mc={m} />}
      </div>
    </section>
  );
}

function McResult({ mc }: { mc: Mc }) {
  const metric = mc.classification ? 'Accuracy' : 'MSE (scaled target)';
  const f = (v: number | null) => (v === null ? '–' : v.toFixed(4));
  return (
    <>
      <dl className="mc-result" aria-label="Monte-Carlo dropout">
        <dt>{metric}, dropout off</dt>
        <dd>{f(mc.normalMetric)}</dd>
        <dt>
          {metric}, mean of {mc.passes} passes
        </dt>
        <dd>{f(mc.mcMetric)}</dd>
        <dt>Spread (sd of a prediction, mean over rows)</dt>
        <dd className="mc-spread">{f(mc.meanSd)}</dd>
        {mc.classification && (
          <>
            <dt>Rows whose class changes between passes</dt>
            <dd>{mc.disagreement === null ? '–' : `${(100 * mc.disagreement).toFixed(1)} %`}</dd>
          </>
        )}
      </dl>
      {!mc.hasDropout && (
        <p className="muted">This network has no Dropout layer: every pass is the same.</p>
      )}
      <p className="muted">{mc.note}</p>
    </>
  );
}
