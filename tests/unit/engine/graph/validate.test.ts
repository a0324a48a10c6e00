import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../../../engine/graph/validate';
import type { Graph } from '../../../../engine/graph/document';
import { chain, classifier, node } from './helpers';

function codes(g: Graph, opts = {}) {
  return validateGraph(g, opts).problems.map((p) => [p.code, p.nodeId]);
}
function only(g: Graph, opts = {}) {
  const { problems } = validateGraph(g, opts);
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('validateGraph', () => {
  it('accepts a well-formed classifier and resolves auto loss to cce', () => {
    const a = validateGraph(classifier(), { features: 4, classes: 3 });
    expect(a.problems).toEqual([]);
    expect(a.ok).toBe(true);
    expect(a.loss).toBe('cce');
    expect(a.chain).toEqual(['in', 'd1', 'a1', 'd2', 'sm', 'out']);
  });

  it('infers every node and edge width and the parameter counts', () => {
    const a = validateGraph(classifier(), { features: 4 });
    expect(a.nodes.d1).toEqual({ in: 4, out: 16, params: 4 * 16 + 16 });
    expect(a.nodes.a1).toEqual({ in: 16, out: 16, params: 0 });
    expect(a.nodes.d2).toEqual({ in: 16, out: 3, params: 16 * 3 + 3 });
    expect(a.nodes.out).toEqual({ in: 3, out: 3, params: 0 });
    expect(a.edges).toEqual({ e0: 4, e1: 16, e2: 16, e3: 3, e4: 3 });
    expect(a.totalParams).toBe(80 + 51);
  });

  it('leaves widths that depend on unknown data as null but still knows Dense outputs', () => {
    const a = validateGraph(classifier());
    expect(a.nodes.in!.out).toBeNull();
    expect(a.nodes.d1).toEqual({ in: null, out: 16, params: null });
    expect(a.nodes.d2!.params).toBe(51);
    expect(a.totalParams).toBeNull();
  });

  it('counts no bias parameters when the bias is off', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 5, useBias: false }),
      node('out', 'output', { loss: 'mse' }),
    );
    expect(validateGraph(g, { features: 3 }).nodes.d!.params).toBe(15);
  });

  it('reports a missing Input', () => {
    const g = chain(node('d', 'dense', { units: 1 }), node('out', 'output'));
    expect(codes(g)).toContainEqual(['no_input', null]);
  });

  it('reports a second Input by its id', () => {
    const g = classifier();
    g.nodes.push(node('in2', 'input'));
    const p = only(g, { features: 4 });
    expect(p.code).toBe('multiple_inputs');
    expect(p.nodeId).toBe('in2');
    expect(p.message).toContain('"in2"');
  });

  it('reports a missing Output', () => {
    const g = chain(node('in', 'input'), node('d', 'dense', { units: 1 }));
    expect(codes(g)).toContainEqual(['no_output', null]);
  });

  it('reports a second Output by its id', () => {
    const g = classifier();
    g.nodes.push(node('out2', 'output'));
    const p = only(g);
    expect(p).toMatchObject({ code: 'multiple_outputs', nodeId: 'out2' });
    expect(p.message).toMatch(/delete the others/);
  });

  it('reports duplicate node ids', () => {
    const g = classifier();
    g.nodes.push(node('d1', 'dense'));
    expect(codes(g)).toContainEqual(['duplicate_id', 'd1']);
  });

  it('reports a connection to a node that does not exist', () => {
    const g = classifier();
    g.edges.push({ id: 'bad', source: 'd2', target: 'ghost' });
    const p = validateGraph(g).problems.find((x) => x.code === 'edge_unknown_node')!;
    expect(p).toMatchObject({ nodeId: 'd2', edgeId: 'bad' });
    expect(p.message).toContain('"ghost"');
  });

  it('reports a connection into Input', () => {
    const g = classifier();
    g.edges.push({ id: 'back', source: 'a1', target: 'in' });
    expect(codes(g)).toContainEqual(['input_has_incoming', 'in']);
  });

  it('reports a connection out of Output', () => {
    const g = classifier();
    g.nodes.push(node('x', 'dense'));
    g.edges.push({ id: 'fwd', source: 'out', target: 'x' });
    expect(codes(g)).toContainEqual(['output_has_outgoing', 'out']);
  });

  it('reports a node with two inputs, naming both sources', () => {
    const g = classifier();
    g.nodes.push(node('extra', 'dense'));
    g.edges.push(
      { id: 'x1', source: 'in', target: 'extra' },
      { id: 'x2', source: 'extra', target: 'd2' },
    );
    const p = validateGraph(g).problems.find((x) => x.code === 'multiple_incoming')!;
    expect(p.nodeId).toBe('d2');
    expect(p.message).toContain('"a1"');
    expect(p.message).toContain('"extra"');
  });

  it('reports a branching node', () => {
    const g = classifier();
    g.nodes.push(node('side', 'dense'));
    g.edges.push({ id: 'x', source: 'd1', target: 'side' });
    expect(codes(g)).toContainEqual(['multiple_outgoing', 'd1']);
  });

  it('reports a cycle once, naming its nodes', () => {
    const g = chain(
      node('in', 'input'),
      node('a', 'dense'),
      node('b', 'activation'),
      node('out', 'output'),
    );
    g.nodes.push(node('c', 'dense'), node('d', 'dense'));
    g.edges.push({ id: 'c1', source: 'c', target: 'd' }, { id: 'c2', source: 'd', target: 'c' });
    const cyc = validateGraph(g).problems.filter((p) => p.code === 'cycle');
    expect(cyc).toHaveLength(1);
    expect(cyc[0]!.message).toMatch(/"c" → "d" → "c"|"d" → "c" → "d"/);
  });

  it('reports a chain that stops before Output, at its last node', () => {
    const g = chain(node('in', 'input'), node('d', 'dense', { units: 1 }));
    g.nodes.push(node('out', 'output'));
    expect(codes(g)).toEqual([
      ['chain_incomplete', 'd'],
      ['output_unconnected', 'out'],
    ]);
  });

  it('reports a dangling node that is not on the chain', () => {
    const g = classifier();
    g.nodes.push(node('lonely', 'dropout'));
    const p = only(g);
    expect(p).toMatchObject({ code: 'dangling', nodeId: 'lonely' });
    expect(p.message).toBe(
      'Dropout "lonely" is not on the path from Input to Output: connect it into the chain or delete it.',
    );
  });

  it('reports invalid parameters in plain words', () => {
    const g = classifier();
    (g.nodes[1]!.params as { units: number }).units = 0;
    const p = validateGraph(g).problems.find((x) => x.code === 'invalid_params')!;
    expect(p.nodeId).toBe('d1');
    expect(p.message).toBe('Dense "d1": units must be at least 1; change units.');
  });

  it('rejects a dropout rate of 1', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 1 }),
      node('dr', 'dropout', { rate: 1 }),
      node('out', 'output', { loss: 'mse' }),
    );
    const p = validateGraph(g).problems.find((x) => x.code === 'invalid_params')!;
    expect(p.nodeId).toBe('dr');
    expect(p.message).toContain('rate must be below 1');
  });

  it('reports a network without any Dense layer', () => {
    const g = chain(
      node('in', 'input'),
      node('a', 'activation'),
      node('out', 'output', { loss: 'mse' }),
    );
    expect(codes(g)).toEqual([['no_dense', 'out']]);
  });

  it('reports data without feature columns', () => {
    expect(codes(classifier(), { features: 0 })).toContainEqual(['no_features', 'in']);
  });

  it('reports a Softmax that is not right before Output', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 3 }),
      node('sm', 'softmax'),
      node('dr', 'dropout'),
      node('out', 'output', { loss: 'mse' }),
    );
    expect(codes(g)).toContainEqual(['softmax_position', 'sm']);
  });

  it('reports Softmax with mean squared error', () => {
    const g = classifier();
    (g.nodes[5]!.params as { loss: string }).loss = 'mse';
    const p = only(g);
    expect(p).toMatchObject({ code: 'softmax_loss', nodeId: 'out' });
    expect(p.message).toMatch(/set the loss to cce/);
  });

  it('reports categorical cross-entropy without Softmax', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 3 }),
      node('out', 'output', { loss: 'cce' }),
    );
    expect(codes(g)).toEqual([['cce_needs_softmax', 'out']]);
  });

  it('reports binary cross-entropy without a final sigmoid', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 1 }),
      node('out', 'output', { loss: 'bce' }),
    );
    expect(codes(g)).toEqual([['bce_needs_sigmoid', 'out']]);
  });

  it('reports binary cross-entropy on a target with three classes', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 1 }),
      node('s', 'activation', { fn: 'sigmoid' }),
      node('out', 'output', { loss: 'bce' }),
    );
    expect(codes(g, { classes: 3 })).toEqual([['bce_classes', 'out']]);
  });

  it('resolves auto loss to bce for one sigmoid unit and to mse otherwise', () => {
    const bce = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 1 }),
      node('s', 'activation', { fn: 'sigmoid' }),
      node('out', 'output'),
    );
    expect(validateGraph(bce).loss).toBe('bce');
    const mse = chain(node('in', 'input'), node('d', 'dense', { units: 2 }), node('out', 'output'));
    expect(validateGraph(mse).loss).toBe('mse');
  });

  it('reports a Softmax over a single value', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 1 }),
      node('sm', 'softmax'),
      node('out', 'output'),
    );
    expect(codes(g)).toEqual([['softmax_width', 'sm']]);
  });

  it('reports an output width that does not match the classes, on the last Dense', () => {
    const p = only(classifier(), { features: 4, classes: 4 });
    expect(p).toMatchObject({ code: 'output_width', nodeId: 'd2' });
    expect(p.message).toBe(
      'Dense "d2" has 3 units but the target has 4 classes: set its units to 4.',
    );
  });

  it('reports a regression output width that does not match the targets', () => {
    const g = chain(
      node('in', 'input'),
      node('d', 'dense', { units: 2 }),
      node('out', 'output', { loss: 'mse' }),
    );
    expect(codes(g, { targets: 1 })).toEqual([['output_width', 'd']]);
  });

  // Its speed is measured in bench/validate-bench.ts (npm run bench:validate), not here.
  it('checks a chain of 10,000 nodes without overflowing the stack', () => {
    const nodes = [node('in', 'input')];
    for (let i = 0; i < 9998; i++)
      nodes.push(node(`n${i}`, i % 2 === 0 ? 'dense' : 'activation', { units: 4 }));
    nodes.push(node('out', 'output', { loss: 'mse' }));
    const g = chain(...nodes);
    g.edges.push({ id: 'loop', source: 'n9000', target: 'n10' });
    const a = validateGraph(g, { features: 3 });
    expect(a.nodes.n9997!.out).toBe(4);
    expect(a.problems.map((p) => p.code)).toContain('cycle');
  });

  it('never throws on malformed input', () => {
    expect(validateGraph(null as unknown as Graph).problems[0]!.code).toBe('invalid_graph');
    const g = { nodes: [{ id: 'x', kind: 'warp' }], edges: [] } as unknown as Graph;
    expect(validateGraph(g).problems.map((p) => p.code)).toContain('invalid_graph');
  });
});
