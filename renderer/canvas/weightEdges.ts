/**
 * "Edges by weight": the View toggle, the trained Dense kernels it draws (fetched through the
 * contract's `training:weights`), and which canvas edge carries which kernel — the edge into a
 * Dense node carries that layer's weights, when the matrix still fits the drawn network (same
 * inputs and units). Plain logic; WeightEdge.tsx draws it.
 */
import { create } from 'zustand';
import type { WeightMatrix } from '../../electron/contract/boundary';
import type { Graph } from '../../engine/graph/document';
import type { Width } from '../../engine/graph/shapes';

/** Layers drawn cell by cell at most this wide on either side (larger ones stay plain). */
export const WEIGHT_EDGE_MAX = 32;

interface WeightEdgesState {
  on: boolean;
  /** The latest network's kernels (null until fetched), and the run they came from. */
  layers: WeightMatrix[] | null;
  runId: string | null;
  toggle(): void;
  setWeights(runId: string | null, layers: WeightMatrix[]): void;
}

export const useWeightEdges = create<WeightEdgesState>()((set, get) => ({
  on: false,
  layers: null,
  runId: null,
  toggle: () => set({ on: !get().on }),
  setWeights: (runId, layers) => set({ runId, layers }),
}));

/** What the edge into a Dense node shows: its kernel, and the colour scale's |w| of 1. */
export interface EdgeWeights {
  matrix: WeightMatrix;
  scale: number;
}

/**
 * The kernel each edge carries, by edge id: the edge's target is the Dense node the matrix
 * belongs to, and the matrix's inputs and units are the ones drawn now (else the network changed
 * since training and the old weights would be misread).
 */
export function edgeWeights(
  graph: Graph,
  widths: Record<string, Width>,
  layers: readonly WeightMatrix[] | null,
): Map<string, EdgeWeights> {
  const out = new Map<string, EdgeWeights>();
  if (!layers?.length) return out;
  const byNode = new Map(layers.filter((l) => l.w && l.nodeId).map((l) => [l.nodeId!, l]));
  // One scale for the whole network, so a faint edge is a small layer, not a small scale.
  const scale = Math.max(1e-6, ...layers.map((l) => l.maxAbs));
  for (const e of graph.edges) {
    const m = byNode.get(e.target);
    if (!m) continue;
    const node = graph.nodes.find((n) => n.id === e.target);
    if (node?.kind !== 'dense' || node.params.units !== m.units) continue;
    if (widths[e.id] !== m.inputs) continue;
    out.set(e.id, { matrix: m, scale });
  }
  return out;
}

/** Layers of the trained network too large to draw cell by cell (named for the legend). */
export const tooLarge = (layers: readonly WeightMatrix[] | null): WeightMatrix[] =>
  (layers ?? []).filter((l) => !l.w);

/**
 * rgb() of a weight: blue positive, orange negative, white at 0, full colour at |w| ≥ scale.
 * Strength t = √(|w| / scale), so a layer of middling weights is not washed out by one large
 * weight elsewhere in the network.
 */
export function weightColour(w: number, scale: number): string {
  const t = Math.sqrt(Math.min(1, Math.abs(w) / scale));
  // The Boundary tab's class colours: blue rgb(8,119,189), orange rgb(245,147,34).
  const [r, g, b] = w >= 0 ? [8, 119, 189] : [245, 147, 34];
  const mix = (c: number) => Math.round(255 + (c - 255) * t);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** Pixels per cell: the matrix fits about 96 px on its longer side, cells 3..12 px. */
export const cellSize = (m: WeightMatrix): number =>
  Math.max(3, Math.min(12, Math.floor(96 / Math.max(m.inputs, m.units))));

/** Half a layer node's width (nodes are about 150 px wide), plus a gap: the matrix sits beside. */
export const BESIDE_EDGE = 75 + 14;
