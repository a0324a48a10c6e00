/**
 * One-click remedies of the monitor's alerts, in words and as actions on the stores and the
 * contract. Remedies arrive as plain data (validated loosely by the contract); unknown kinds are
 * shown as text only.
 */
import { plural } from '../../src/plural';
import type { Api } from '../../../electron/contract/client';
import { LAYER_LABELS, type GraphNode } from '../../../engine/graph/document';
import { useGraphStore } from '../../store/graph';
import { useTrainingStore, type RunView } from '../../store/training';

export interface RemedyAction {
  label: string;
  /** Why it cannot be done now, when it cannot. */
  blocked: string | null;
  run(): Promise<void>;
}

const nodeName = (id: string) => {
  const n = useGraphStore.getState().graph.nodes.find((x) => x.id === id);
  return n ? `${LAYER_LABELS[n.kind]} "${id}"` : `"${id}"`;
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function remedyAction(
  remedy: Record<string, unknown>,
  run: RunView,
  api: Api,
  onRestored: (epoch: number) => void,
): RemedyAction | null {
  const training = run.state !== 'done';
  const needsStop = training ? 'Stop the training first.' : null;
  const settings = useTrainingStore.getState().setSettings;
  switch (remedy.kind) {
    case 'restore_best': {
      const epoch = num(remedy.epoch);
      return {
        label: training ? `Stop and restore epoch ${epoch}` : `Restore the best epoch (${epoch})`,
        blocked: null,
        async run() {
          if (training) {
            await api.invoke('training:control', { runId: run.runId, action: 'stop' });
            await waitUntilDone(run.runId);
          }
          const r = await api.invoke('training:restoreBest', { runId: run.runId });
          useTrainingStore.getState().restored(run.runId, r.epoch, r.evaluation);
          onRestored(r.epoch);
        },
      };
    }
    case 'add_dropout': {
      const after = str(remedy.afterNodeId);
      const rate = num(remedy.rate) ?? 0.3;
      return {
        label: `Add Dropout (${rate}) after ${nodeName(after)}`,
        blocked: needsStop,
        async run() {
          useGraphStore.getState().insertAfter(after, 'dropout', { rate });
        },
      };
    }
    case 'raise_l2':
    case 'lower_l2': {
      const to = num(remedy.to) ?? 0;
      return {
        label: `Set L2 λ to ${to}`,
        blocked: needsStop,
        run: async () => settings({ l2: to }),
      };
    }
    case 'fewer_units':
    case 'more_units': {
      const id = str(remedy.nodeId);
      const units = num(remedy.units) ?? 1;
      return {
        label: `Use ${plural(units, 'unit')} in ${nodeName(id)}`,
        blocked: needsStop,
        async run() {
          const node = useGraphStore.getState().graph.nodes.find((n) => n.id === id);
          if (node?.kind === 'dense')
            useGraphStore.getState().setParams(id, { ...node.params, units });
        },
      };
    }
    case 'change_activation': {
      const id = str(remedy.nodeId);
      const to = str(remedy.to) as 'relu' | 'leaky_relu';
      return {
        label: `Use ${to === 'leaky_relu' ? 'leaky ReLU' : 'ReLU'} in ${nodeName(id)}`,
        blocked: needsStop,
        async run() {
          const node = useGraphStore
            .getState()
            .graph.nodes.find(
              (n): n is Extract<GraphNode, { kind: 'activation' }> =>
                n.id === id && n.kind === 'activation',
            );
          if (node) useGraphStore.getState().setParams(id, { ...node.params, fn: to });
        },
      };
    }
    case 'change_init': {
      const id = str(remedy.nodeId);
      const to = str(remedy.to) as 'he_uniform' | 'glorot_uniform';
      return {
        label: `Use ${to === 'he_uniform' ? 'He' : 'Glorot'} initialisation in ${nodeName(id)}`,
        blocked: needsStop,
        async run() {
          const node = useGraphStore.getState().graph.nodes.find((n) => n.id === id);
          if (node?.kind === 'dense')
            useGraphStore.getState().setParams(id, { ...node.params, initializer: to });
        },
      };
    }
    case 'lower_lr': {
      const to = num(remedy.to) ?? 0.001;
      return {
        label: training ? `Lower the learning rate to ${to} now` : `Set the learning rate to ${to}`,
        blocked: null,
        async run() {
          if (training) await api.invoke('training:setLearningRate', { runId: run.runId, lr: to });
          settings({ lr: to });
        },
      };
    }
    case 'stop':
      return {
        label: 'Stop training',
        blocked: training ? null : 'Training has ended.',
        run: async () =>
          void (await api.invoke('training:control', { runId: run.runId, action: 'stop' })),
      };
    default:
      return null;
  }
}

function waitUntilDone(runId: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const cur = useTrainingStore.getState().current;
      if (!cur || cur.runId !== runId || cur.state === 'done') {
        off();
        resolve();
      }
    };
    const off = useTrainingStore.subscribe(check);
    check();
  });
}
