/**
 * Training ▸ Sweep…: define a sweep (one or two parameters × seeds), watch each variant, then
 * read the results: the U-curve (or heat-map), the table, and "Apply best".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EventOf } from '../../../electron/contract';
import type { SweepResult } from '../../../electron/contract/sweeps';
import { usePlatform } from '../../src/platform';
import { describeError } from '../../src/errors';
import { useDataStore } from '../../store/data';
import { useGraphStore } from '../../store/graph';
import { useTrainingStore } from '../../store/training';
import { applyBest } from './apply';
import { HeatMap } from './HeatMap';
import { short } from './scale';
import { SweepTable } from './SweepTable';
import { UCurvePlot } from './UCurvePlot';
import { useSweepStore, uniqueSweepId } from './sweepStore';
import { SavedSweeps } from './SavedSweeps';
import type { SavedSweep } from '../../../engine/graph/project/sweeps';
import { runGraphOf } from '../../../engine/graph/run-graph';
import './sweep.css';

const SETTING_KEYS = [
  'l2',
  'l1',
  'lr',
  'batch',
  'optimizer',
  'epochs',
  'noise',
  'mixup',
  'fraction',
];
const DEFAULT_VALUES: Record<string, string> = {
  l2: '0,1e-4,1e-3,1e-2,1e-1,1',
  l1: '0,1e-4,1e-3,1e-2',
  lr: 'log:1e-4:1e-1:4',
  batch: '8,16,32,64',
  optimizer: 'sgd,momentum,rmsprop,adam',
  epochs: '10,20,50',
  noise: '0,0.05,0.1,0.2',
  mixup: '0.1,0.2,0.4',
  fraction: '0.1,0.25,0.5,0.75,1',
  units: '8,16,32,64',
  rate: '0,0.2,0.5',
  fn: 'relu,tanh,sigmoid',
};
const defaultsFor = (key: string) => DEFAULT_VALUES[key.slice(key.lastIndexOf('.') + 1)] ?? '';

type Progress = EventOf<'sweep:progress'>;

function ParamFields(props: {
  n: number;
  keys: string[];
  param: { key: string; values: string };
  onChange(p: { key: string; values: string }): void;
}) {
  const { n, keys, param, onChange } = props;
  return (
    <div className="sweep-param">
      <label className="field compact">
        Parameter {n}
        <select
          value={param.key}
          onChange={(e) => onChange({ key: e.target.value, values: defaultsFor(e.target.value) })}
        >
          {n === 2 && <option value="">(none)</option>}
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <label className="field compact">
        Values {n}
        <input
          value={param.values}
          disabled={!param.key}
          onChange={(e) => onChange({ ...param, values: e.target.value })}
          placeholder="0,1e-4,1e-3 or log:1e-4:1:5"
        />
      </label>
    </div>
  );
}

export function SweepDialog({ onClose }: { onClose(): void }) {
  const { api } = usePlatform();
  const summary = useDataStore((s) => s.summary);
  const nodes = useGraphStore((s) => s.graph.nodes);
  const keys = useMemo(
    () => [
      ...SETTING_KEYS,
      ...nodes.flatMap((n) =>
        n.kind === 'dense'
          ? [`${n.id}.units`]
          : n.kind === 'dropout'
            ? [`${n.id}.rate`]
            : n.kind === 'activation'
              ? [`${n.id}.fn`]
              : [],
      ),
    ],
    [nodes],
  );
  const [p1, setP1] = useState({ key: 'l2', values: DEFAULT_VALUES.l2! });
  const [p2, setP2] = useState({ key: '', values: '' });
  const [seeds, setSeeds] = useState('3');
  const seedsRef = useRef(seeds);
  seedsRef.current = seeds;
  // What the running sweep trains on, saved with its results (the canvas may change meanwhile).
  const basis = useRef<Pick<SavedSweep, 'graph' | 'dataset'>>({});
  const [sweep, setSweep] = useState<{ id: string; variants: string[]; workers: number } | null>(
    null,
  );
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [result, setResult] = useState<SweepResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<string | null>(null);

  useEffect(() => {
    const offP = api.on('sweep:progress', (p) =>
      setProgress((all) => ({ ...all, [p.variantId]: p })),
    );
    const offD = api.on('sweep:done', (done) => {
      // Ids restart with each session: one already saved in the document gets a suffix.
      const r = { ...done, sweepId: uniqueSweepId(done.sweepId, useSweepStore.getState().saved) };
      setResult(r);
      // Kept in the document: saved with the project.
      useSweepStore.getState().add({
        sweepId: r.sweepId,
        savedAt: Date.now(),
        params: r.params,
        seeds: Number(seedsRef.current),
        settings: { ...useTrainingStore.getState().settings },
        variants: r.variants,
        ...basis.current,
      });
    });
    return () => {
      offP();
      offD();
    };
  }, [api]);

  const running = sweep !== null && result === null;
  async function start() {
    if (!summary) return;
    setError(null);
    setResult(null);
    setProgress({});
    setApplied(null);
    try {
      const { graph } = useGraphStore.getState();
      const res = await api.invoke('sweep:start', {
        datasetId: summary.id,
        graph,
        settings: useTrainingStore.getState().settings,
        params: [p1, ...(p2.key ? [p2] : [])],
        seeds: Number(seeds),
      });
      basis.current = {
        graph: runGraphOf(graph),
        dataset: { name: summary.file.name, hash: res.datasetHash },
      };
      setSweep({ id: res.sweepId, variants: res.variants.map((v) => v.id), workers: res.workers });
    } catch (err) {
      setError(describeError(err));
    }
  }
  async function reopen(saved: SavedSweep) {
    setError(null);
    setApplied(null);
    try {
      const task = summary?.target?.task ?? 'classification';
      setResult(await api.invoke('sweep:reopen', { sweep: saved, task }));
      setSweep(null);
    } catch (err) {
      setError(describeError(err));
    }
  }
  const cancel = (variantId?: string) =>
    sweep &&
    void api.invoke('sweep:cancel', { sweepId: sweep.id, ...(variantId ? { variantId } : {}) });

  const u = result?.uCurve;
  return (
    <div className="modal-backdrop">
      <div className="modal sweep-dialog" role="dialog" aria-modal="true" aria-label="Sweep">
        <h2>Sweep</h2>
        {!summary?.ready && (
          <p className="muted">
            Open a dataset that is ready to train to run a sweep; saved sweeps below open without
            training.
          </p>
        )}
        <ParamFields n={1} keys={keys} param={p1} onChange={setP1} />
        <ParamFields n={2} keys={keys.filter((k) => k !== p1.key)} param={p2} onChange={setP2} />
        <label className="field compact">
          Seeds per value
          <input
            type="number"
            min={1}
            max={20}
            value={seeds}
            onChange={(e) => setSeeds(e.target.value)}
          />
        </label>
        <div className="modal-actions">
          <button
            type="button"
            className="primary"
            disabled={running || !summary?.ready}
            onClick={() => void start()}
          >
            Run sweep
          </button>
          <button type="button" disabled={!running} onClick={() => cancel()}>
            Cancel all
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {!running && <SavedSweeps shown={result?.sweepId ?? null} onOpen={reopen} />}
        {sweep && !result && (
          <ul className="sweep-progress" aria-label="Sweep progress">
            {sweep.variants.map((id) => {
              const p = progress[id];
              return (
                <li key={id}>
                  {id}:{' '}
                  {p
                    ? p.state === 'done'
                      ? (p.status ?? 'done')
                      : `epoch ${p.epoch}/${p.epochs}`
                    : 'queued'}
                  {(!p || p.state === 'running') && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => cancel(id)}
                      aria-label={`Cancel ${id}`}
                    >
                      cancel
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {result && u && (
          <section className="sweep-results" aria-label="Sweep results">
            {result.heatMap ? (
              <HeatMap h={result.heatMap} name={result.sweepId} />
            ) : (
              <UCurvePlot u={u} name={result.sweepId} />
            )}
            {result.learningCurve && <p>{result.learningCurve.message}</p>}
            {u.bestValue !== null && (
              <button
                type="button"
                className="primary"
                onClick={() => setApplied(applyBest(u.key, u.bestValue!))}
              >
                Apply best ({u.key} = {short(u.bestValue)})
              </button>
            )}
            {applied && <p role="status">{applied}</p>}
            <SweepTable result={result} />
          </section>
        )}
      </div>
    </div>
  );
}
