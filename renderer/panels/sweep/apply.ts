/** "Apply best": a sweep's best value set on the training settings or the canvas node. */
import type { GraphNode } from '../../../engine/graph/document';
import { useGraphStore } from '../../store/graph';
import { useTrainingStore } from '../../store/training';
import { SWEPT_SETTING } from './settingKeys';

/** Returns what was set, in words (or why it could not be). */
export function applyBest(key: string, value: number | string): string {
  const dot = key.lastIndexOf('.');
  if (dot > 0) {
    const id = key.slice(0, dot);
    const field = key.slice(dot + 1);
    const graph = useGraphStore.getState();
    const node = graph.graph.nodes.find((n) => n.id === id);
    if (!node) return `The canvas has no node "${id}" any more.`;
    graph.setParams(id, { ...node.params, [field]: value } as GraphNode['params']);
    return `${id}: ${field} set to ${value}.`;
  }
  const training = useTrainingStore.getState();
  if (key === 'noise' || key === 'mixup') {
    const a = training.settings.augment ?? { noise: null, mixup: null, image: null };
    training.setSettings({ augment: { ...a, [key]: value === 0 ? null : value } });
    return `${key} set to ${value}.`;
  }
  const name = SWEPT_SETTING[key];
  if (!name) return `${key} is not a setting that can be applied.`;
  training.setSettings({ [name]: value });
  return `${key === 'l2' ? 'L2 λ' : key === 'l1' ? 'L1 λ' : key} set to ${value}.`;
}
