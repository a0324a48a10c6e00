/** A saved sweep's base network and data: kept when present, not required of older files. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../../engine/graph/project';
import { savedSweepSchema } from '../../../../engine/graph/project/sweeps';

const V3_FILE = path.join(__dirname, '../../../fixtures/projects/v3/iris-sweep.layerlab');
const fixture = () => JSON.parse(readFileSync(V3_FILE, 'utf8')) as Record<string, unknown>;

const network = {
  nodes: [
    { id: 'input_1', kind: 'input', params: {} },
    {
      id: 'dense_1',
      kind: 'dense',
      params: { units: 8, useBias: true, initializer: 'glorot_uniform', l1: null, l2: null },
    },
  ],
  edges: [{ id: 'edge_1', source: 'input_1', target: 'dense_1' }],
};

describe('a saved sweep’s network and data', () => {
  it('still opens a project whose sweep was saved without them', () => {
    const doc = fixture();
    const sweep = (doc.sweeps as Record<string, unknown>[])[0]!;
    expect(sweep.graph).toBeUndefined();
    const parsed = parseProject(JSON.stringify(doc));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.project.sweeps[0]!.graph).toBeUndefined();
  });

  it('keeps the base network and the data’s name and hash through a save and open', () => {
    const doc = fixture();
    const sweeps = doc.sweeps as Record<string, unknown>[];
    sweeps[0] = {
      ...sweeps[0],
      graph: network,
      dataset: { name: 'iris.csv', hash: '0123456789abcdef' },
    };
    const parsed = parseProject(JSON.stringify(doc));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.project.sweeps[0]!.graph).toEqual(network);
    expect(parsed.project.sweeps[0]!.dataset).toEqual({
      name: 'iris.csv',
      hash: '0123456789abcdef',
    });
  });

  it('refuses a network with canvas positions or a dataset without its hash, naming the field', () => {
    const base = savedSweepSchema.parse((fixture().sweeps as unknown[])[0]);
    const placed = {
      ...network,
      nodes: network.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })),
    };
    const a = savedSweepSchema.safeParse({ ...base, graph: placed });
    expect(a.success).toBe(false);
    expect(a.error?.issues[0]?.path.slice(0, 1)).toEqual(['graph']);
    const b = savedSweepSchema.safeParse({ ...base, dataset: { name: 'iris.csv' } });
    expect(b.success).toBe(false);
    expect(b.error?.issues[0]?.path).toEqual(['dataset', 'hash']);
  });
});
