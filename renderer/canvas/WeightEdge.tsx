/**
 * "Edges by weight" on the canvas (Playground style, at the layer level): the edge into a trained
 * Dense node carries a small heat-map of its kernel — one cell per input (row) × unit (column),
 * blue positive, orange negative, stronger colour for larger |w| — and the line is thicker where
 * the weights are larger (their root mean square). A legend names the scale and what is not
 * drawn. The weights come from the latest trained (or reopened) network through the contract.
 */
import { memo, useEffect } from 'react';
import {
  BaseEdge,
  EdgeLabelRenderer,
  Panel,
  getBezierPath,
  type Edge,
  type EdgeProps,
} from '@xyflow/react';
import { usePlatform } from '../src/platform';
import { useGraphStore } from '../store/graph';
import {
  BESIDE_EDGE,
  WEIGHT_EDGE_MAX,
  cellSize,
  tooLarge,
  useWeightEdges,
  weightColour,
  type EdgeWeights,
} from './weightEdges';
import './weightEdges.css';

export type WeightFlowEdge = Edge<{ weights: EdgeWeights; shape: string }, 'weights'>;

const fmt = (v: number) => String(Number(v.toPrecision(3)));

function rms(w: readonly number[]): number {
  let s = 0;
  for (const v of w) s += v * v;
  return Math.sqrt(s / Math.max(1, w.length));
}

function Matrix({ weights, nodeId }: { weights: EdgeWeights; nodeId: string }) {
  const { matrix: m, scale } = weights;
  const c = cellSize(m);
  const w = m.w!;
  return (
    <svg
      className="weight-matrix"
      width={m.units * c}
      height={m.inputs * c}
      role="img"
      aria-label={`Weights into ${nodeId}: ${m.inputs} inputs × ${m.units} units`}
    >
      {w.map((v, k) => {
        const i = Math.floor(k / m.units);
        const u = k % m.units;
        return (
          <rect
            key={k}
            x={u * c}
            y={i * c}
            width={c}
            height={c}
            fill={weightColour(v, scale)}
            data-w={v}
          >
            <title>{`input ${i + 1} → unit ${u + 1}: w = ${fmt(v)}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}

/**
 * The edge into a trained Dense node: thickness by the kernel's RMS, the kernel beside the
 * edge's middle (the gap between two stacked nodes is too short to hold it), joined by a tick.
 */
export const WeightEdge = memo(function WeightEdge(props: EdgeProps<WeightFlowEdge>) {
  const { id, target, data, markerEnd, style } = props;
  const [path, x, y] = getBezierPath(props);
  if (!data) return <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />;
  const strength = Math.min(1, rms(data.weights.matrix.w!) / data.weights.scale);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ ...style, strokeWidth: 1.5 + 5 * strength }}
        className="weight-edge-path"
      />
      <EdgeLabelRenderer>
        <div
          className="weight-edge-label nodrag nopan"
          style={{ transform: `translate(0, -50%) translate(${x + BESIDE_EDGE}px, ${y}px)` }}
          data-edge-id={id}
        >
          <span className="weight-edge-title">
            into {target} · {data.weights.matrix.inputs} × {data.weights.matrix.units}
          </span>
          <Matrix weights={data.weights} nodeId={target} />
        </div>
        <div
          className="weight-edge-tick"
          style={{
            transform: `translate(0, -50%) translate(${x + 3}px, ${y}px)`,
            width: BESIDE_EDGE - 3,
          }}
          aria-hidden="true"
        />
        <div
          className="weight-edge-shape nodrag nopan"
          style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        >
          {data.shape}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

/**
 * The legend, and the fetching: while the toggle is on, the latest network's kernels are asked
 * for now, after every finished run, and when the network's layers change (a project opened).
 */
export function WeightEdgesLegend({ drawn }: { drawn: number }) {
  const { api } = usePlatform();
  const on = useWeightEdges((s) => s.on);
  const layers = useWeightEdges((s) => s.layers);
  const structure = useGraphStore((s) =>
    s.graph.nodes.map((n) => (n.kind === 'dense' ? `${n.id}:${n.params.units}` : n.id)).join(),
  );
  useEffect(() => {
    if (!on) return;
    let live = true;
    const load = () =>
      void api
        .invoke('training:weights', { max: WEIGHT_EDGE_MAX })
        .then((r) => live && useWeightEdges.getState().setWeights(r.runId, r.layers))
        .catch(() => undefined);
    load();
    const off = api.on('training:done', load);
    return () => {
      live = false;
      off();
    };
  }, [api, on, structure]);
  if (!on) return null;
  const big = tooLarge(layers);
  const scale = Math.max(0, ...(layers ?? []).map((l) => l.maxAbs));
  return (
    <Panel position="top-right" className="weight-legend" aria-label="Edges by weight legend">
      <strong>Edges by weight</strong>
      {drawn > 0 ? (
        <>
          <div className="weight-legend-scale">
            <span>−{fmt(scale)}</span>
            <span className="weight-legend-bar" aria-hidden="true" />
            <span>+{fmt(scale)}</span>
          </div>
          <p>
            Each cell is one weight: a row per input, a column per unit. Orange negative, blue
            positive; thicker lines carry larger weights.
          </p>
        </>
      ) : (
        <p>
          {layers?.length
            ? 'The network changed since it was trained: train it again to see its weights.'
            : 'Train the network to see its weights on the edges.'}
        </p>
      )}
      {big.length > 0 && (
        <p className="muted">
          Not drawn (over {WEIGHT_EDGE_MAX} × {WEIGHT_EDGE_MAX}):{' '}
          {big.map((l) => `${l.nodeId ?? 'a layer'} (${l.inputs} × ${l.units})`).join(', ')}.
        </p>
      )}
    </Panel>
  );
}
