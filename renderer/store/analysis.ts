/** The engine's analysis of the current graph (problems, shapes), recomputed once per edit. */
import { useMemo } from 'react';
import { validateGraph, type GraphAnalysis } from '../../engine/graph/validate';
import { useGraphStore } from './graph';

export function useGraphAnalysis(): GraphAnalysis {
  const graph = useGraphStore((s) => s.graph);
  return useMemo(() => validateGraph(graph), [graph]);
}
