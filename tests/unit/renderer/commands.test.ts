/** The command table's shortcuts, the palette's fuzzy match and the keyboard wiring's choices. */
import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  commandForKey,
  keysOf,
  shortcutLabel,
  toAccelerator,
  type CommandSpec,
  type KeyPress,
} from '../../../electron/contract/commands';
import { fuzzyFilter, fuzzyScore } from '../../../renderer/commands/fuzzy';
import { connectStart, connectTargets } from '../../../renderer/commands/connect';
import { defaultParams, type Graph, type LayerKind } from '../../../engine/graph/document';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const linux = { mac: false, browser: false };
const mac = { mac: true, browser: false };
const browser = { mac: false, browser: true };

describe('command table', () => {
  it('declares each command once, with a unique shortcut per platform', () => {
    const ids = COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const mode of [linux, mac, browser]) {
      const keys = (COMMANDS as readonly CommandSpec[]).map((c) => keysOf(c, mode)).filter(Boolean);
      expect(new Set(keys).size, JSON.stringify(mode)).toBe(keys.length);
    }
  });

  it('maps key presses to commands with Ctrl elsewhere and Cmd on macOS', () => {
    expect(commandForKey(press('s', { ctrlKey: true }), linux)?.id).toBe('file:save');
    expect(commandForKey(press('S', { ctrlKey: true, shiftKey: true }), linux)?.id).toBe(
      'file:saveAs',
    );
    expect(commandForKey(press('s', { metaKey: true }), mac)?.id).toBe('file:save');
    expect(commandForKey(press('s', { ctrlKey: true }), mac)).toBeUndefined();
    expect(commandForKey(press('y', { ctrlKey: true }), linux)?.id).toBe('edit:redo');
    expect(commandForKey(press('z', { ctrlKey: true, shiftKey: true }), linux)?.id).toBe(
      'edit:redo',
    );
    expect(commandForKey(press('z', { metaKey: true, shiftKey: true }), mac)?.id).toBe('edit:redo');
    expect(commandForKey(press('k', { ctrlKey: true }), linux)?.id).toBe('help:palette');
    expect(commandForKey(press('c'), linux)?.id).toBe('edit:connect');
  });

  it('leaves the clipboard and Delete keys to the system events and the canvas', () => {
    expect(commandForKey(press('c', { ctrlKey: true }), linux)).toBeUndefined();
    expect(commandForKey(press('v', { ctrlKey: true }), linux)).toBeUndefined();
    expect(commandForKey(press('Delete'), linux)).toBeUndefined();
  });

  it('gives New and Close keys a browser does not keep for itself in browser mode', () => {
    expect(commandForKey(press('n', { altKey: true }), browser)?.id).toBe('file:new');
    expect(commandForKey(press('w', { altKey: true }), browser)?.id).toBe('file:close');
    expect(commandForKey(press('n', { ctrlKey: true }), browser)).toBeUndefined();
    // macOS Option changes the character typed; the key's place still counts.
    expect(commandForKey(press('˜', { altKey: true, code: 'KeyN' }), browser)?.id).toBe('file:new');
  });

  it('writes shortcuts as Electron accelerators and as people read them', () => {
    expect(toAccelerator('Mod+Shift+S')).toBe('CmdOrCtrl+Shift+S');
    expect(shortcutLabel('Mod+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('Mod+Shift+S', true)).toBe('⇧⌘S');
    expect(shortcutLabel('Mod+Enter', true)).toBe('⌘↩');
  });
});

describe('palette fuzzy match', () => {
  const labels = (COMMANDS as readonly CommandSpec[]).map((c) => c.label);
  it('puts a prefix match first: "auto" finds Auto-layout', () => {
    expect(fuzzyFilter(labels, 'auto', (l) => l)[0]).toBe('Auto-layout');
    expect(fuzzyFilter(labels, 'sa', (l) => l).slice(0, 2)).toEqual(['Save', 'Save As…']);
  });
  it('matches letters in order only, and keeps the table order for an empty query', () => {
    expect(fuzzyScore('tua', 'Auto-layout')).toBeNull();
    expect(fuzzyScore('fnw', 'Fit Network to Window')).not.toBeNull();
    expect(fuzzyFilter(labels, '', (l) => l)).toEqual(labels);
  });
});

function graphOf(nodes: [string, LayerKind, number, number][], edges: [string, string][]): Graph {
  return {
    nodes: nodes.map(([id, kind, x, y]) => ({
      id,
      kind,
      position: { x, y },
      params: defaultParams(kind),
    })) as Graph['nodes'],
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

describe('keyboard wiring', () => {
  const g = graphOf(
    [
      ['input_1', 'input', 0, 0],
      ['dense_1', 'dense', 0, 100],
      ['dense_2', 'dense', 0, 400],
      ['output_1', 'output', 300, 200],
    ],
    [['dense_2', 'output_1']],
  );

  it('offers only the nodes that may take the output, nearest first', () => {
    // output_1 already has an input; input_1 cannot be fed; a node cannot feed itself.
    expect(connectTargets(g, 'input_1')).toEqual(['dense_1', 'dense_2']);
    // dense_2 feeds output_1, and dense_1 → dense_2 is allowed; dense_2 → dense_1 too.
    expect(connectTargets(g, 'dense_2')).toEqual(['dense_1']);
  });

  it('says why a connection cannot start from the selection', () => {
    expect(connectStart(g, [])).toEqual({ problem: 'Select one node to connect from.' });
    expect(connectStart(g, ['output_1'])).toEqual({
      problem: 'Nothing can come out of Output: it ends the network.',
    });
    const wired = graphOf(
      [
        ['input_1', 'input', 0, 0],
        ['output_1', 'output', 0, 100],
      ],
      [['input_1', 'output_1']],
    );
    expect(connectStart(wired, ['input_1'])).toEqual({
      problem: 'No node can take the output of input_1: add a layer first.',
    });
    expect(connectStart(g, ['input_1'])).toEqual({
      source: 'input_1',
      targets: ['dense_1', 'dense_2'],
    });
  });
});
