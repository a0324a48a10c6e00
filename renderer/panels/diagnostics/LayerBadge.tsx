/**
 * The latest epoch's diagnostics on a Dense node of the canvas: dead (ReLU) or saturated
 * (sigmoid / tanh) share and the gradient norm. Subscribes to a string only, so a node redraws
 * when its own badge changes, not on every progress message.
 */
import { useTrainingStore } from '../../store/training';
import './diagnostics.css';

/** Share of units at which the badge turns red (as the monitor's alert). */
const BAD = 0.5;

function badgeOf(nodeId: string, s: ReturnType<typeof useTrainingStore.getState>): string {
  const layers = s.current?.epochs.at(-1)?.layers;
  const l = layers?.find((x) => x.nodeId === nodeId || x.activationNodeId === nodeId);
  if (!l) return '';
  const parts: string[] = [];
  if (l.deadShare !== null) parts.push(`dead ${Math.round(100 * l.deadShare)} %`);
  if (l.saturatedShare !== null) parts.push(`sat ${Math.round(100 * l.saturatedShare)} %`);
  if (l.gradNorm !== null && l.nodeId === nodeId)
    parts.push(`∇ ${Number(l.gradNorm.toPrecision(2))}`);
  const bad = (l.deadShare ?? 0) >= BAD || (l.saturatedShare ?? 0) >= BAD;
  return parts.length ? `${bad ? '!' : ''}${parts.join(' · ')}` : '';
}

export function LayerBadge({ nodeId }: { nodeId: string }) {
  const text = useTrainingStore((s) => badgeOf(nodeId, s));
  if (!text) return null;
  const bad = text.startsWith('!');
  return (
    <div
      className={`layer-badge${bad ? ' is-bad' : ''}`}
      aria-label={`diagnostics of ${nodeId}`}
      title="Latest epoch: dead / saturated share of units, gradient norm"
    >
      {bad ? text.slice(1) : text}
    </div>
  );
}
