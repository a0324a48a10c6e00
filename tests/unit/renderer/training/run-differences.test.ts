import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_SETTINGS } from '../../../../electron/contract/training';
import { runGraphOf } from '../../../../engine/graph/run-graph';
import { runDifferences } from '../../../../renderer/panels/training/Runs';
import type { RunView } from '../../../../renderer/store/training';
import { chain, node } from '../../engine/graph/helpers';

const net = (units: number) =>
  runGraphOf(
    chain(
      node('input_1', 'input'),
      node('dense_1', 'dense', { units }),
      node('dense_2', 'dense', { units: 3 }),
      node('softmax_1', 'softmax'),
      node('output_1', 'output'),
    ),
  );

const run = (over: Partial<RunView>): RunView => ({
  runId: 'run1',
  state: 'done',
  settings: DEFAULT_TRAIN_SETTINGS,
  dataset: 'iris.csv',
  datasetHash: 'aaaaaaaaaaaaaaaa',
  graph: net(32),
  backend: 'cpu',
  startedAt: 0,
  epochs: [],
  batch: null,
  alerts: [],
  done: null,
  ...over,
});

describe('what differs between two runs', () => {
  it('says "same network, same settings" only when both are equal', () => {
    expect(runDifferences(run({}), run({ runId: 'run2' }))).toBe('same network, same settings');
  });

  it('names the network change before the settings changes', () => {
    const later = run({
      runId: 'run2',
      graph: net(4),
      settings: { ...DEFAULT_TRAIN_SETTINGS, lr: 0.1 },
    });
    expect(runDifferences(run({}), later)).toBe('dense_1 units 32 → 4; learning rate 0.01 → 0.1');
  });

  it('says so when a run did not record its network', () => {
    expect(runDifferences(run({ graph: null }), run({ runId: 'run2' }))).toBe(
      'network not recorded',
    );
  });

  it('names other training data', () => {
    const later = run({ runId: 'run2', datasetHash: 'bbbbbbbbbbbbbbbb' });
    expect(runDifferences(run({}), later)).toBe('other training data');
  });
});
