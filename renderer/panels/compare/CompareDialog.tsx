/**
 * Training ▸ Compare Runs…: two runs (or two groups of seeds of a saved sweep) side by side —
 * whether the difference exceeds the seed noise, the network and settings with differences
 * marked, the data, both curves on shared axes, the weights overlaid, and the final numbers.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ResponseOf } from '../../../electron/contract';
import { usePlatform } from '../../src/platform';
import { describeError } from '../../src/errors';
import { useTrainingStore } from '../../store/training';
import { useSweepStore } from '../sweep/sweepStore';
import { settingsTable } from '../training/runStats';
import { CompareCurves } from './CompareCurves';
import { OverlaidHistogram } from './CompareWeights';
import { exportRunCsv } from './actions';
import {
  dataPhrase,
  finalRows,
  layerRows,
  networkPhrases,
  sideOf,
  sideOptions,
  weightPairs,
  type CompareSide,
} from './model';
import { useCompareUi } from './store';
import { useSeedGroups } from './seedGroups';
import { basisText } from './lossBasis';
import './compare.css';

type Verdict = ResponseOf<'sweep:compareSeeds'>;

/** The verdict in words: never one from a single seed. */
export function verdictText(v: Verdict, a: CompareSide, b: CompareSide): string {
  const n = `${a.bestVals.length} vs ${b.bestVals.length} seeds`;
  const loss =
    a.lossBasis === 'data'
      ? 'the best validation loss without the L1/L2 penalty'
      : 'the best validation loss';
  if (v.verdict === 'needs seeds')
    return `Needs seeds (${n}): one run cannot tell a real difference from seed noise. Compare groups of seeds — a sweep with 2 or more seeds per value.`;
  const p = v.p === null ? '' : v.p < 0.001 ? '< 0.001' : v.p.toFixed(3);
  return v.verdict === 'significant'
    ? `Significant at p = ${p} (Welch's t-test on ${loss}, ${n}): the difference is larger than the seed noise.`
    : `Not significant (p = ${p}, Welch's t-test on ${loss}, ${n}): the difference is within the seed noise.`;
}

function SidePicker(props: {
  side: 'a' | 'b';
  value: string | null;
  options: { key: string; label: string }[];
}) {
  const { side, value, options } = props;
  return (
    <label className="field compact">
      {side === 'a' ? 'A' : 'B'}
      <select
        aria-label={`Compare side ${side.toUpperCase()}`}
        value={value ?? ''}
        onChange={(e) => useCompareUi.getState().pick(side, e.target.value)}
      >
        {value === null && <option value="">(choose)</option>}
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function useVerdict(a: CompareSide, b: CompareSide, comparable: boolean) {
  const { api } = usePlatform();
  const [verdict, setVerdict] = useState<{ key: string; v: Verdict | string } | null>(null);
  const key = `${a.key}|${b.key}|${a.bestVals.join()}|${b.bestVals.join()}`;
  useEffect(() => {
    if (!comparable) return;
    let live = true;
    api.invoke('sweep:compareSeeds', { a: a.bestVals, b: b.bestVals }).then(
      (v) => live && setVerdict({ key, v }),
      (err: unknown) => live && setVerdict({ key, v: describeError(err) }),
    );
    return () => {
      live = false;
    };
    // The key names everything the verdict depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, comparable]);
  if (!comparable)
    return 'Not tested: one side’s losses include the L1/L2 penalty and the other’s do not.';
  return verdict?.key === key ? verdict.v : null;
}

function Network({ a, b }: { a: CompareSide; b: CompareSide }) {
  const phrases = networkPhrases(a, b);
  const rows = layerRows(a.graph, b.graph);
  return (
    <section aria-label="Network" className="compare-section">
      <h3>Network</h3>
      <p>
        {phrases === null
          ? `Network not recorded for ${[a, b]
              .filter((s) => !s.graph)
              .map((s) => s.label)
              .join(' and ')}.`
          : phrases.length
            ? `${phrases.join('; ')}.`
            : 'Same network.'}
        {[a, b].map((s) =>
          s.layerValues.length ? ` ${s.label}: ${s.layerValues.join(', ')}.` : '',
        )}
      </p>
      {rows.length > 0 && (
        <table className="compare-table" aria-label="Layers">
          <thead>
            <tr>
              <th>Layer</th>
              <th>Kind</th>
              <th>A · {a.label}</th>
              <th>B · {b.label}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.differs ? 'differs' : undefined}>
                <td>{r.id}</td>
                <td>{r.kind}</td>
                <td>{r.a ?? '—'}</td>
                <td>{r.b ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Settings({ a, b }: { a: CompareSide; b: CompareSide }) {
  const rows = settingsTable(a.settings, b.settings);
  const n = rows.filter((r) => r.differs).length;
  return (
    <section aria-label="Settings" className="compare-section">
      <h3>Settings {n ? `(${n} differ${n === 1 ? 's' : ''})` : '(all the same)'}</h3>
      <table className="compare-table" aria-label="Settings table">
        <thead>
          <tr>
            <th>Setting</th>
            <th>A</th>
            <th>B</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.differs ? 'differs' : undefined}>
              <th scope="row">{r.label}</th>
              <td>{r.a}</td>
              <td>{r.b}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Finals({ a, b }: { a: CompareSide; b: CompareSide }) {
  return (
    <section aria-label="Final numbers" className="compare-section">
      <h3>
        Final numbers{a.kind === 'group' || b.kind === 'group' ? ' (groups: mean over seeds)' : ''}
      </h3>
      <table className="compare-table" aria-label="Final numbers table">
        <thead>
          <tr>
            <th />
            <th>A · {a.label}</th>
            <th>B · {b.label}</th>
          </tr>
        </thead>
        <tbody>
          {finalRows(a, b).map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td className={r.better === 'a' ? 'better' : undefined}>{r.a}</td>
              <td className={r.better === 'b' ? 'better' : undefined}>{r.b}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What the loss chart shows, beside its title and in its exported file. */
function lossNote(a: CompareSide, b: CompareSide): string {
  if (a.lossBasis !== b.lossBasis) return 'A and B on different bases, see above';
  return a.lossBasis === 'data' ? 'data loss, without L1/L2 penalty' : 'with L1/L2 penalty';
}

function Comparison({ a, b }: { a: CompareSide; b: CompareSide }) {
  const platform = usePlatform();
  const basis = basisText(a, b);
  const verdict = useVerdict(a, b, basis.comparable);
  const [log, setLog] = useState(false);
  const pairs = weightPairs(a, b);
  const stem = `${a.label}-vs-${b.label}`.replace(/ ·.*?(?=-vs-|$)/g, '');
  const metric = a.metric ?? b.metric;
  return (
    <>
      <p className="compare-verdict" role="status" aria-label="Seed noise verdict">
        {verdict === null
          ? 'Testing against the seed noise…'
          : typeof verdict === 'string'
            ? verdict
            : verdictText(verdict, a, b)}
      </p>
      <p aria-label="Loss basis" className="compare-basis">
        {basis.text}
        {(a.kind === 'run' || b.kind === 'run') &&
          ' A run’s training loss is the mean over each epoch’s batches (dropout on).'}
      </p>
      <p aria-label="Data">
        <strong>Data:</strong> {dataPhrase(a, b)}
      </p>
      <div className="compare-columns">
        <Network a={a} b={b} />
        <Settings a={a} b={b} />
      </div>
      <section aria-label="Curves" className="compare-section">
        <h3>
          Curves{' '}
          <label className="check">
            <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} /> Log
            scale (loss)
          </label>
        </h3>
        <div className="compare-charts">
          <CompareCurves
            a={a}
            b={b}
            kind="loss"
            log={log}
            title="Loss"
            note={lossNote(a, b)}
            name={`${stem}-loss`}
          />
          {metric && (
            <CompareCurves
              a={a}
              b={b}
              kind="metric"
              log={false}
              title={metric === 'mae' ? 'Mean absolute error' : 'Accuracy'}
              name={`${stem}-${metric}`}
            />
          )}
        </div>
        <div className="compare-csv">
          {/* Keyed by side: A and B may be the same run. */}
          {[a, b].map((s, i) => (
            <button
              key={i === 0 ? 'a' : 'b'}
              type="button"
              disabled={s.epochs.length === 0}
              title={s.epochs.length ? undefined : 'Per-epoch records are kept for runs only'}
              onClick={() => void exportRunCsv(platform, s.label, s.epochs)}
            >
              Curves of {s.label} as CSV…
            </button>
          ))}
        </div>
      </section>
      {pairs.length > 0 && (
        <section aria-label="Weights" className="compare-section">
          <h3>Weights after training</h3>
          <div className="compare-charts">
            {pairs.map((p, i) => (
              <OverlaidHistogram
                key={i}
                a={p.a}
                b={p.b}
                labelA={a.label}
                labelB={b.label}
                name={stem}
              />
            ))}
          </div>
        </section>
      )}
      <Finals a={a} b={b} />
    </>
  );
}

export function CompareDialog() {
  const shown = useCompareUi((s) => s.shown);
  const keyA = useCompareUi((s) => s.a);
  const keyB = useCompareUi((s) => s.b);
  const history = useTrainingStore((s) => s.history);
  const sweeps = useSweepStore((s) => s.saved);
  const seeds = useSeedGroups((s) => s.groups);
  const options = useMemo(() => sideOptions(history, sweeps, seeds), [history, sweeps, seeds]);
  const a = useMemo(
    () => (keyA ? sideOf(keyA, history, sweeps, seeds) : null),
    [keyA, history, sweeps, seeds],
  );
  const b = useMemo(
    () => (keyB ? sideOf(keyB, history, sweeps, seeds) : null),
    [keyB, history, sweeps, seeds],
  );
  useEffect(() => {
    if (!shown) return;
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && useCompareUi.getState().close();
    document.addEventListener('keydown', esc);
    return () => document.removeEventListener('keydown', esc);
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="modal-backdrop">
      <div className="modal compare-dialog" role="dialog" aria-modal="true" aria-label="Compare">
        <div className="compare-head">
          <h2>Compare</h2>
          <SidePicker side="a" value={keyA} options={options} />
          <SidePicker side="b" value={keyB} options={options} />
          <button type="button" onClick={() => useCompareUi.getState().close()}>
            Close
          </button>
        </div>
        {a && b ? (
          <Comparison a={a} b={b} />
        ) : (
          <p className="muted">
            {options.length < 2
              ? 'Train two runs (or run a sweep with seeds) to compare them.'
              : 'Choose the two runs to compare.'}
          </p>
        )}
      </div>
    </div>
  );
}
