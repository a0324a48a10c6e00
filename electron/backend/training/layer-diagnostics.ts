/** Per-layer diagnostics over IPC: NaN/∞ (a diverging epoch) travel as null, JSON has no NaN. */
import type { RunLayerDiagnostics } from '../../contract/diagnostics';
import type { LayerDiagnostics } from '../../../engine/train/monitor/types';

const f = (v: number | null) => (v !== null && Number.isFinite(v) ? v : null);

export function cleanLayers(layers: readonly LayerDiagnostics[]): RunLayerDiagnostics[] {
  return layers.map((l) => ({
    ...l,
    gradNorm: f(l.gradNorm),
    gradRms: f(l.gradRms),
    weightNorm: f(l.weightNorm),
    deadShare: f(l.deadShare),
    saturatedShare: f(l.saturatedShare),
  }));
}
