/** The tour's view of the app's stores (see tour.ts), read once or followed by a component. */
import { useEffect, useState } from 'react';
import { analyse } from '../../store/analysis';
import { useDataStore } from '../../store/data';
import { useGraphStore } from '../../store/graph';
import { useTrainingStore } from '../../store/training';
import { firstOpenStep, type TourState } from './tour';
import { useStartUi } from './store';

export function readTourState(): TourState {
  const { summary, shape } = useDataStore.getState();
  const { graph } = useGraphStore.getState();
  const run = useTrainingStore.getState().current;
  const analysis = analyse(graph, shape);
  return {
    dataset: summary ? { name: summary.file.name, ready: summary.ready } : null,
    network: {
      nodes: graph.nodes.length,
      problem: analysis.ok
        ? null
        : (analysis.problems[0]?.message ?? 'The network is not complete.'),
    },
    run: run ? { finished: run.state === 'done', reason: run.done?.reason ?? null } : null,
  };
}

/**
 * The tour state, re-read whenever the dataset, the network or the run changes; a new object
 * only when something the tour shows changed (dragging a node re-renders nothing).
 */
export function useTourState(): TourState {
  const [state, setState] = useState(readTourState);
  useEffect(() => {
    const update = () =>
      setState((prev) => {
        const next = readTourState();
        return JSON.stringify(next) === JSON.stringify(prev) ? prev : next;
      });
    const offs = [
      useDataStore.subscribe(update),
      useGraphStore.subscribe(update),
      useTrainingStore.subscribe(update),
    ];
    update();
    return () => offs.forEach((off) => off());
  }, []);
  return state;
}

/** Starts (or restarts) the guided tour at the first step not done yet. */
export function beginTour(): void {
  useStartUi.getState().startTour(firstOpenStep(readTourState()));
}
