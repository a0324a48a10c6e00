import { beforeEach, describe, expect, it } from 'vitest';
import { useGraphStore, undo, redo } from '../../../../renderer/store/graph';
import { graphSchema } from '../../../../engine/graph/document';

const store = () => useGraphStore.getState();
const history = () => useGraphStore.temporal.getState();

beforeEach(() => {
  store().replaceGraph({ nodes: [], edges: [] });
  history().clear();
});

describe('graph store', () => {
  it('adds nodes with default parameters and readable ids', () => {
    const a = store().addNode('dense', { x: 10.4, y: 20.6 });
    const b = store().addNode('dense', { x: 0, y: 0 });
    expect([a, b]).toEqual(['dense_1', 'dense_2']);
    expect(store().graph.nodes[0]).toEqual({
      id: 'dense_1',
      kind: 'dense',
      position: { x: 10, y: 21 },
      params: { units: 16, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
    });
    expect(store().selected).toEqual(['dense_2']);
    expect(graphSchema.safeParse(store().graph).success).toBe(true);
  });

  it('connects two nodes and refuses a connection that breaks the network, with its reason', () => {
    const input = store().addNode('input', { x: 0, y: 0 });
    const dense = store().addNode('dense', { x: 0, y: 0 });
    const act = store().addNode('activation', { x: 0, y: 0 });
    expect(store().connect(input, dense)).toBeNull();
    expect(store().connect(dense, act)).toBeNull();
    expect(store().connect(act, input)).toMatch(/Nothing can go into Input/);
    expect(store().connect(act, dense)).toMatch(/already has an input/);
    expect(store().connect(dense, dense)).toMatch(/cannot feed itself/);
    expect(store().graph.edges).toHaveLength(2);
  });

  it('deleting a node removes its edges, and undo brings both back in one step', () => {
    const a = store().addNode('dense', { x: 0, y: 0 });
    const b = store().addNode('activation', { x: 100, y: 0 });
    store().connect(a, b);
    const before = store().graph;
    store().removeElements([a], []);
    expect(store().graph.nodes.map((n) => n.id)).toEqual([b]);
    expect(store().graph.edges).toEqual([]);
    undo();
    expect(store().graph).toEqual(before);
    redo();
    expect(store().graph.edges).toEqual([]);
  });

  it('records a whole drag as one undo step', () => {
    const a = store().addNode('dense', { x: 0, y: 0 });
    const steps = history().pastStates.length;
    store().beginDrag();
    for (let i = 1; i <= 10; i++) store().moveNodes([{ id: a, x: i * 10, y: i }]);
    store().endDrag();
    expect(history().pastStates.length).toBe(steps + 1);
    expect(store().graph.nodes[0]!.position).toEqual({ x: 100, y: 10 });
    undo();
    expect(store().graph.nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('undoes parameter changes but not selection changes', () => {
    const a = store().addNode('dropout', { x: 0, y: 0 });
    const steps = history().pastStates.length;
    store().select([]);
    store().select([a]);
    expect(history().pastStates.length).toBe(steps);
    store().setParams(a, { rate: 0.2 });
    undo();
    expect(store().graph.nodes[0]!.params).toEqual({ rate: 0.5 });
  });

  it('select all, then delete the selection', () => {
    const a = store().addNode('input', { x: 0, y: 0 });
    const b = store().addNode('dense', { x: 0, y: 0 });
    store().connect(a, b);
    store().selectAll();
    expect(store().selected).toHaveLength(3);
    store().removeSelected();
    expect(store().graph).toEqual({ nodes: [], edges: [] });
  });

  it('pastes copies with fresh ids, keeps the edges between them, and undoes the paste in one step', () => {
    const a = store().addNode('dense', { x: 0, y: 0 });
    const b = store().addNode('activation', { x: 0, y: 100 });
    store().connect(a, b);
    store().setParams(a, {
      units: 7,
      useBias: false,
      initializer: 'he_normal',
      l1: null,
      l2: 0.01,
    });
    const { graph } = store();
    const steps = history().pastStates.length;
    const ids = store().paste({ nodes: graph.nodes, edges: graph.edges }, { x: 40, y: 40 });
    expect(ids).toEqual(['dense_2', 'activation_2']);
    expect(store().selected).toEqual(ids);
    const copy = store().graph.nodes.find((n) => n.id === 'dense_2')!;
    expect(copy.params).toEqual({
      units: 7,
      useBias: false,
      initializer: 'he_normal',
      l1: null,
      l2: 0.01,
    });
    // The asked offset would put the copy of dense_1 on activation_1: it steps on, clear of both.
    expect(copy.position).toEqual({ x: 160, y: 160 });
    expect(store().graph.edges.at(-1)).toMatchObject({ source: 'dense_2', target: 'activation_2' });
    expect(history().pastStates.length).toBe(steps + 1);
    undo();
    expect(store().graph).toEqual(graph);
  });

  it('duplicates the selection beside it, not on top of it', () => {
    store().addNode('dropout', { x: 10, y: 10 });
    expect(store().duplicateSelected()).toEqual(['dropout_2']);
    expect(store().graph.nodes[1]!.position).toEqual({ x: 90, y: 90 });
    store().select([]);
    expect(store().duplicateSelected()).toEqual([]);
  });

  it('pasted and duplicated copies never cover a node already on the canvas', () => {
    const covered = (id: string) => {
      const c = store().graph.nodes.find((n) => n.id === id)!;
      return store().graph.nodes.some(
        (n) =>
          n.id !== id &&
          Math.abs(n.position.x - c.position.x) < 150 &&
          Math.abs(n.position.y - c.position.y) < 56,
      );
    };
    const a = store().addNode('dense', { x: 0, y: 0 });
    store().addNode('dense', { x: 40, y: 40 });
    store().addNode('dense', { x: 80, y: 80 });
    const clip = { nodes: [store().graph.nodes[0]!], edges: [] };
    for (let i = 0; i < 4; i++) {
      const [id] = store().paste(clip, { x: 40, y: 40 });
      expect(covered(id!), `paste ${i + 1}`).toBe(false);
    }
    store().select([a]);
    const [dup] = store().duplicateSelected();
    expect(covered(dup!)).toBe(false);
  });

  it('undo drops removed nodes from the selection, so a click selects just the clicked node', () => {
    const a = store().addNode('input', { x: 0, y: 0 });
    const b = store().addNode('dense', { x: 0, y: 100 });
    expect(store().selected).toEqual([b]);
    undo();
    expect(store().graph.nodes.map((n) => n.id)).toEqual([a]);
    expect(store().selected).toEqual([]);
    redo();
    store().select([b]);
    undo();
    expect(store().selected).toEqual([]);
  });

  it('undo/redo walk a long sequence of edits back and forth exactly', () => {
    const snapshots = [store().graph];
    const a = store().addNode('input', { x: 0, y: 0 });
    snapshots.push(store().graph);
    const b = store().addNode('dense', { x: 0, y: 100 });
    snapshots.push(store().graph);
    store().connect(a, b);
    snapshots.push(store().graph);
    store().setParams(b, {
      units: 3,
      useBias: true,
      initializer: 'glorot_uniform',
      l1: null,
      l2: null,
    });
    snapshots.push(store().graph);
    store().removeElements([], [store().graph.edges[0]!.id]);
    snapshots.push(store().graph);
    for (let i = snapshots.length - 2; i >= 0; i--) {
      undo();
      expect(store().graph).toEqual(snapshots[i]);
    }
    for (let i = 1; i < snapshots.length; i++) {
      redo();
      expect(store().graph).toEqual(snapshots[i]);
    }
  });
});
