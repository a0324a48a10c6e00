import { describe, expect, it } from 'vitest';
import { autoLayout } from '../../../../renderer/canvas/layout';
import { copySelection, readClip } from '../../../../renderer/canvas/clipboard';
import { TEMPLATES } from '../../../../renderer/canvas/templates';
import { freeSpot } from '../../../../renderer/canvas/placement';
import { activationInfo } from '../../../../renderer/panels/inspector/activationInfo';
import { validateGraph } from '../../../../engine/graph/validate';
import {
  ACTIVATIONS,
  defaultParams,
  type Graph,
  type GraphNode,
  type LayerKind,
} from '../../../../engine/graph/document';

const node = (id: string, kind: LayerKind, x = 0, y = 0): GraphNode =>
  ({ id, kind, position: { x, y }, params: defaultParams(kind) }) as GraphNode;
const chain: Graph = {
  nodes: [
    node('out', 'output', 500, -300),
    node('d', 'dense', 40, 400),
    node('in', 'input', 900, 900),
    node('a', 'activation', -200, 0),
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'd' },
    { id: 'e2', source: 'd', target: 'a' },
    { id: 'e3', source: 'a', target: 'out' },
  ],
};

describe('auto-layout', () => {
  it('puts a chain in one column, from Input at the top to Output at the bottom', () => {
    const at = new Map(autoLayout(chain).map((p) => [p.id, p]));
    const ys = ['in', 'd', 'a', 'out'].map((id) => at.get(id)!.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(['in', 'd', 'a', 'out'].map((id) => at.get(id)!.x)).size).toBe(1);
  });

  it('snaps positions to the 10 px grid', () => {
    for (const p of autoLayout(chain)) {
      expect(p.x % 10).toBe(0);
      expect(p.y % 10).toBe(0);
    }
  });
});

describe('clipboard', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const text = copySelection(chain, ['d', 'a'])!;
    const clip = readClip(text)!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['d', 'a']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('copies nothing when nothing is selected', () => {
    expect(copySelection(chain, [])).toBeNull();
  });

  it('ignores clipboard text that is not Layerlab nodes, or is malformed', () => {
    expect(readClip('hello')).toBeNull();
    expect(
      readClip(
        '{"format":"layerlab/nodes","version":1,"nodes":[{"id":"x","kind":"dense","position":{"x":0,"y":0},"params":{"units":-3}}],"edges":[]}',
      ),
    ).toBeNull();
    expect(readClip('{"format":"layerlab/nodes", broken')).toBeNull();
    expect(
      readClip(
        '{"format":"layerlab/nodes","version":1,"nodes":[{"id":"x","kind":"eval","position":{"x":0,"y":0},"params":{}}],"edges":[]}',
      ),
    ).toBeNull();
  });
});

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    '%s is a valid network for 3 classes and for a binary target',
    (_name, template) => {
      for (const classes of [3, 2]) {
        const analysis = validateGraph(
          template.build(template.id === 'regression' ? null : classes),
          {
            features: 4,
            ...(template.id === 'regression' ? { targets: 1 } : { classes }),
          },
        );
        expect(analysis.problems).toEqual([]);
      }
    },
  );

  it('makes the over-fitting template much larger than the MLP', () => {
    const params = (id: string) =>
      validateGraph(TEMPLATES.find((t) => t.id === id)!.build(3), { features: 4, classes: 3 })
        .totalParams!;
    expect(params('overfit')).toBeGreaterThan(50 * params('mlp'));
  });
});

describe('placing a node added by click', () => {
  it('uses the centre when it is free and moves aside when it is taken', () => {
    const empty: Graph = { nodes: [], edges: [] };
    const first = freeSpot(empty, { x: 500, y: 300 });
    const second = freeSpot(
      { nodes: [{ ...node('a', 'dense'), position: first }], edges: [] },
      { x: 500, y: 300 },
    );
    expect(first).toEqual({ x: 415, y: 265 });
    expect(second).not.toEqual(first);
  });
});

describe('activation plots', () => {
  it.each(ACTIVATIONS.map((a) => [a]))('the derivative of %s matches finite differences', (fn) => {
    const info = activationInfo(fn, 0.1);
    for (const x of [-3.1, -1.2, -0.3, 0.4, 1.7, 2.9]) {
      const h = 1e-5;
      const numeric = (info.f(x + h) - info.f(x - h)) / (2 * h);
      expect(info.df(x)).toBeCloseTo(numeric, 6);
    }
  });
});
