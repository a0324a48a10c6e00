/**
 * The selected Dense or Activation node's units in the Inspector: the same thumbnails and data
 * path as the Boundary tab. While that tab is closed, this view asks the worker for frames of
 * the current plane itself (and stops them again when it goes), so the units show either way.
 */
import { useEffect } from 'react';
import { usePlatform } from '../../src/platform';
import { useBoundaryStore } from './store';
import { NeuronsView } from './NeuronsView';
import './boundary.css';

export function InspectorNeurons({ nodeId }: { nodeId: string }) {
  const { api } = usePlatform();
  const panelOpen = useBoundaryStore((s) => s.panelOpen);
  const plane = useBoundaryStore((s) => s.plane);
  const seed = useBoundaryStore((s) => s.seed);
  const neurons = useBoundaryStore((s) =>
    s.frame?.neurons?.nodeId === nodeId ? s.frame.neurons : null,
  );
  const key = JSON.stringify(plane);
  useEffect(() => {
    if (panelOpen) return; // the tab watches the selected node already
    const off = api.on('training:boundary', (f) => useBoundaryStore.getState().receiveFrame(f));
    const request = { plane: JSON.parse(key) as typeof plane, nodeId, seed };
    void api.invoke('training:boundary', request).catch(() => undefined);
    return () => {
      off();
      if (useBoundaryStore.getState().panelOpen) return;
      void api.invoke('training:boundary', { plane: null, nodeId: null }).catch(() => undefined);
    };
  }, [api, key, nodeId, seed, panelOpen]);
  return (
    <div className="inspector-neurons">
      {neurons ? (
        <NeuronsView neurons={neurons} />
      ) : (
        <p className="muted">Train the network to see this node&apos;s units.</p>
      )}
    </div>
  );
}
