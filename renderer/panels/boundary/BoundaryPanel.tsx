/**
 * Boundary tab: what the network has learned over a plane of its inputs — two chosen features
 * (the others held at typical values) or the first two principal components — live while it
 * trains and from the kept model afterwards. The grid is evaluated in the training worker; this
 * tab asks for frames while it is open, and only paints them. Selecting a Dense or Activation
 * node on the canvas shows its units over the same plane.
 */
import { memo, useEffect, useRef } from 'react';
import type { BoundaryPlane } from '../../../electron/contract/boundary';
import { usePlatform } from '../../src/platform';
import { useDataStore } from '../../store/data';
import { useGraphStore } from '../../store/graph';
import { useBoundaryStore } from './store';
import { BoundaryCanvas } from './BoundaryCanvas';
import { ExportChart } from '../../charts/ExportChart';
import { NeuronsView } from './NeuronsView';
import { SeedPicker } from './SeedPicker';
import { inUnits } from './paint';
import './boundary.css';

const NO_NAMES: string[] = [];
const fmt = (v: number) => String(Number(v.toPrecision(3)));

/** The selected node when it is a Dense or Activation node (its units can be shown). */
function useWatchedNode(): string | null {
  return useGraphStore((s) => {
    if (s.selected.length !== 1) return null;
    const node = s.graph.nodes.find((n) => n.id === s.selected[0]);
    return node && (node.kind === 'dense' || node.kind === 'activation') ? node.id : null;
  });
}

/** Re-renders only when its own settings change, not on each frame (up to 5 a second). */
const PlaneControls = memo(function PlaneControls({
  names,
  regression,
}: {
  names: string[];
  regression: boolean;
}) {
  const plane = useBoundaryStore((s) => s.plane);
  const setPlane = useBoundaryStore((s) => s.setPlane);
  const showPoints = useBoundaryStore((s) => s.showPoints);
  const setShowPoints = useBoundaryStore((s) => s.setShowPoints);
  const value = plane.kind === 'pca' ? 'pca' : 'features';
  const pick = (axis: 'x' | 'y', i: number) => {
    if (plane.kind !== 'features') return;
    setPlane({ ...plane, [axis]: i });
  };
  return (
    <div className="row boundary-controls">
      <label>
        Plane{' '}
        <select
          aria-label="Plane"
          value={value}
          onChange={(e) =>
            setPlane(
              e.target.value === 'pca'
                ? { kind: 'pca' }
                : { kind: 'features', x: 0, y: regression || names.length < 2 ? null : 1 },
            )
          }
        >
          <option value="features">{regression ? 'One feature' : 'Two features'}</option>
          <option value="pca">Principal components</option>
        </select>
      </label>
      {plane.kind === 'features' && (
        <>
          <label>
            {regression ? 'Feature' : 'Across'}{' '}
            <select
              aria-label="Horizontal feature"
              value={plane.x}
              onChange={(e) => pick('x', Number(e.target.value))}
            >
              {names.map((n, i) => (
                <option key={n} value={i}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          {!regression && plane.y !== null && (
            <label>
              Up{' '}
              <select
                aria-label="Vertical feature"
                value={plane.y}
                onChange={(e) => pick('y', Number(e.target.value))}
              >
                {names.map((n, i) => (
                  <option key={n} value={i}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      <label className="check">
        <input
          type="checkbox"
          checked={showPoints}
          onChange={(e) => setShowPoints(e.target.checked)}
        />
        Points
      </label>
    </div>
  );
});

export function BoundaryPanel() {
  const { api } = usePlatform();
  const summary = useDataStore((s) => s.summary);
  const names = summary?.encoding.featureNames ?? NO_NAMES;
  const regression = summary?.target?.task === 'regression';
  const plane = useBoundaryStore((s) => s.plane);
  const frame = useBoundaryStore((s) => s.frame);
  const showPoints = useBoundaryStore((s) => s.showPoints);
  const seed = useBoundaryStore((s) => s.seed);
  const nodeId = useWatchedNode();
  const figure = useRef<HTMLElement | null>(null);

  // A plane the data cannot have (other dataset): back to the first features.
  const wanted: BoundaryPlane =
    plane.kind === 'features' &&
    (plane.x >= names.length || (plane.y ?? 0) >= names.length || regression !== (plane.y === null))
      ? { kind: 'features', x: 0, y: regression || names.length < 2 ? null : 1 }
      : plane;
  const key = JSON.stringify(wanted);

  // Another dataset: the last frame belongs to a model of the old one (the watch below is sent
  // again, so a network a reopened project brought shows at once).
  const datasetId = summary?.id ?? null;
  const seen = useRef(datasetId);
  useEffect(() => {
    if (seen.current !== datasetId) useBoundaryStore.getState().setFrame(null);
    seen.current = datasetId;
  }, [datasetId]);
  // The seeds are gone (a new run): show the run's own network when seeds come again.
  const hasSeeds = !!frame?.seeds;
  useEffect(() => {
    if (frame && !hasSeeds && useBoundaryStore.getState().seed !== null)
      useBoundaryStore.getState().setSeed(null);
  }, [frame, hasSeeds]);
  useEffect(
    () => api.on('training:boundary', (f) => useBoundaryStore.getState().receiveFrame(f)),
    [api],
  );
  // Frames are computed only while this tab is open: watch on mount, stop on unmount.
  useEffect(() => {
    const request = { plane: JSON.parse(key) as BoundaryPlane, nodeId, seed };
    void api.invoke('training:boundary', request).catch(() => undefined);
  }, [api, key, nodeId, seed, datasetId]);
  useEffect(() => {
    useBoundaryStore.getState().setPanelOpen(true);
    return () => {
      useBoundaryStore.getState().setPanelOpen(false);
      void api.invoke('training:boundary', { plane: null, nodeId: null }).catch(() => undefined);
    };
  }, [api]);

  if (!summary) return <p className="muted">Open or generate a dataset, then train a network.</p>;
  const shown = frame && JSON.stringify(frame.plane) === key ? frame : null;
  const shownSeeds = shown?.seeds?.list.length ? shown.seeds : null;
  const shownSeed = shownSeeds?.shown != null ? shownSeeds.list[shownSeeds.shown] : undefined;
  return (
    <section className="boundary-panel" aria-label="Decision boundary">
      <PlaneControls names={names} regression={regression} />
      {shownSeeds && <SeedPicker seeds={shownSeeds} />}
      {!shown && (
        <p className="muted" role="status">
          Train the network to see what it learns over this plane.
        </p>
      )}
      {shown && (
        <div className="boundary-body">
          <figure className="boundary-figure has-export" ref={figure}>
            <ExportChart target={figure} title="Decision boundary" name="boundary" />
            <BoundaryCanvas frame={shown} showPoints={showPoints} />
            <figcaption className="muted">
              {shown.axes.map((a, i) => (
                <span key={i}>
                  {i ? ' · ' : ''}
                  {i ? '↑ ' : '→ '}
                  {a.label} {fmt(inUnits(a.lo, a))} … {fmt(inUnits(a.hi, a))}
                </span>
              ))}
              <span role="status" aria-label="Boundary epoch">
                {' '}
                · {shownSeed ? `seed ${shownSeed.seed}, ` : ''}
                {shown.saved ? 'saved network' : `epoch ${shown.epoch}`}
              </span>
              {shown.classNames && (
                <span className="boundary-legend">
                  {shown.classNames.map((c, i) => (
                    <span key={c} className={`legend-class legend-${i % 8}`}>
                      {c}
                    </span>
                  ))}
                </span>
              )}
            </figcaption>
          </figure>
          {shown.neurons ? (
            <NeuronsView neurons={shown.neurons} />
          ) : (
            <p className="muted">Select a Dense or Activation node to see its units here.</p>
          )}
        </div>
      )}
    </section>
  );
}
