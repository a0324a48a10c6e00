import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../../../engine/graph/validate';
import { compileGraph } from '../../../../engine/graph/compile';
import { chain, classifier, node } from './helpers';

/** Input → Dense(units) → sigmoid → Output(loss): the binary classifier of the canvas. */
const sigmoidNet = (units = 1, loss: 'auto' | 'bce' | 'mse' = 'auto') =>
  chain(
    node('in', 'input'),
    node('d', 'dense', { units }),
    node('s', 'activation', { fn: 'sigmoid' }),
    node('out', 'output', { loss }),
  );

const regression = { features: 4, targets: 1 };

describe('task and loss fit', () => {
  it('refuses a BCE (sigmoid) network on a regression target, naming Output and the fix', () => {
    const a = validateGraph(sigmoidNet(), regression);
    expect(a.ok).toBe(false);
    expect(a.problems).toEqual([
      {
        nodeId: 'out',
        code: 'loss_task',
        message:
          'Output "out" uses binary cross-entropy (chosen from the Activation before it), but the target is a number (a regression): set the loss to mean squared error (mse) and delete Activation "s", or choose a class column as the target in the Data tab.',
      },
    ]);
    expect(compileGraph(sigmoidNet(), regression).ok).toBe(false);
  });

  it('refuses an explicit BCE loss on a regression target even without a sigmoid', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 1 }),
      node('out', 'output', { loss: 'bce' }),
    );
    expect(validateGraph(g, regression).problems).toEqual([
      {
        nodeId: 'out',
        code: 'loss_task',
        message:
          'Output "out" uses binary cross-entropy, but the target is a number (a regression): set the loss to mean squared error (mse), or choose a class column as the target in the Data tab.',
      },
    ]);
  });

  it('refuses a CCE / Softmax network on a regression target', () => {
    const g = classifier();
    const a = validateGraph(g, regression);
    expect(a.problems.map((p) => [p.code, p.nodeId])).toEqual([['loss_task', 'out']]);
    expect(a.problems[0]!.message).toBe(
      'Output "out" uses categorical cross-entropy (chosen from the Softmax before it), but the target is a number (a regression): set the loss to mean squared error (mse) and delete Softmax "sm", or choose a class column as the target in the Data tab.',
    );
  });

  it('refuses a Softmax before a mean-squared-error Output on a regression target', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 1 }),
      node('sm', 'softmax'),
      node('out', 'output', { loss: 'mse' }),
    );
    expect(validateGraph(g, regression).problems).toEqual([
      {
        nodeId: 'sm',
        code: 'softmax_task',
        message:
          'Softmax "sm" turns the outputs into class probabilities, but the target is a number (a regression): delete the Softmax.',
      },
    ]);
  });

  it('accepts a sigmoid with mean squared error on a regression target (a bounded output)', () => {
    expect(validateGraph(sigmoidNet(1, 'mse'), regression).problems).toEqual([]);
  });

  it('allows MSE on a class target with a note that does not block', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 3 }),
      node('out', 'output', { loss: 'mse' }),
    );
    const a = validateGraph(g, { features: 4, classes: 3 });
    expect(a.ok).toBe(true);
    expect(a.problems).toEqual([]);
    expect(a.notes).toEqual([
      {
        nodeId: 'out',
        code: 'mse_classes',
        message:
          'Output "out" uses mean squared error on a class target (3 classes): it trains, but cross-entropy usually learns classes better — end with Softmax (loss cce).',
      },
    ]);
    expect(compileGraph(g, { features: 4, classes: 3 }).ok).toBe(true);
  });

  it('gives the MSE note when auto resolves to MSE on a binary target, suggesting sigmoid too', () => {
    const g = chain(node('in', 'input'), node('d', 'dense', { units: 2 }), node('out', 'output'));
    const a = validateGraph(g, { features: 4, classes: 2 });
    expect(a.ok).toBe(true);
    expect(a.loss).toBe('mse');
    expect(a.notes[0]!.message).toContain('or with a sigmoid Activation on 1 unit (loss bce)');
  });

  it('gives no notes for a fitting classifier or regression', () => {
    expect(validateGraph(classifier(), { features: 4, classes: 3 }).notes).toEqual([]);
    expect(validateGraph(sigmoidNet(), { features: 4, classes: 2 }).notes).toEqual([]);
    const reg = chain(node('in', 'input'), node('d', 'dense', { units: 1 }), node('out', 'output'));
    const a = validateGraph(reg, regression);
    expect([a.ok, a.loss, a.notes]).toEqual([true, 'mse', []]);
  });

  it('refuses BCE on a target with more than 2 classes', () => {
    const a = validateGraph(sigmoidNet(1, 'bce'), { features: 4, classes: 3 });
    expect(a.problems).toEqual([
      {
        nodeId: 'out',
        code: 'bce_classes',
        message:
          'Output "out" uses binary cross-entropy but the target has 3 classes: use categorical cross-entropy with a Softmax, or a target with 2 classes.',
      },
    ]);
  });

  it('refuses BCE with more than 1 output unit, on the last Dense', () => {
    const a = validateGraph(sigmoidNet(2, 'bce'), { features: 4, classes: 2 });
    expect(a.problems).toEqual([
      {
        nodeId: 'd',
        code: 'bce_width',
        message:
          'Dense "d" has 2 units but binary cross-entropy predicts one probability per sample: set its units to 1, or use Softmax with categorical cross-entropy.',
      },
    ]);
    expect(validateGraph(sigmoidNet(3, 'bce')).problems.map((p) => p.code)).toEqual(['bce_width']);
  });

  it('refuses an output width that does not match the classes', () => {
    const a = validateGraph(classifier(), { features: 4, classes: 5 });
    expect(a.problems).toEqual([
      {
        nodeId: 'd2',
        code: 'output_width',
        message: 'Dense "d2" has 3 units but the target has 5 classes: set its units to 5.',
      },
    ]);
  });

  it('keeps auto resolving as before: Softmax → cce, one sigmoid unit → bce, else mse', () => {
    expect(validateGraph(classifier()).loss).toBe('cce');
    expect(validateGraph(sigmoidNet()).loss).toBe('bce');
    expect(validateGraph(sigmoidNet(2), { classes: 2 }).loss).toBe('bce');
    expect(validateGraph(sigmoidNet(2)).loss).toBe('mse');
    expect(validateGraph(sigmoidNet(), regression).loss).toBe('bce');
  });

  it('checks only what the graph shows while no data is chosen', () => {
    expect(validateGraph(sigmoidNet()).problems).toEqual([]);
    expect(validateGraph(classifier()).problems).toEqual([]);
  });
});
