import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  advancesOn,
  firstOpenStep,
  TOUR_STEPS,
  type TourState,
} from '../../../../renderer/panels/start/tour';
import { readTourState } from '../../../../renderer/panels/start/tourState';
import {
  setStartSkipped,
  startSkipped,
  START_SKIP_KEY,
} from '../../../../renderer/panels/start/store';
import { useGraphStore } from '../../../../renderer/store/graph';
import { useTrainingStore } from '../../../../renderer/store/training';
import { TEMPLATES } from '../../../../renderer/canvas/templates';
import { COMMANDS } from '../../../../electron/contract/commands';

const empty: TourState = {
  dataset: null,
  network: { nodes: 0, problem: null },
  run: null,
};
const loaded: TourState = { ...empty, dataset: { name: 'iris.csv', ready: true } };
const built: TourState = { ...loaded, network: { nodes: 9, problem: null } };
const trained: TourState = { ...built, run: { finished: true, reason: 'completed' } };
const [load, build, train] = TOUR_STEPS;

describe('guided tour', () => {
  it('has three steps, each pointing at a control', () => {
    expect(TOUR_STEPS.map((s) => s.title)).toEqual([
      'Load a sample dataset',
      'Pick a template or build a network',
      'Train it',
    ]);
    for (const s of TOUR_STEPS) expect(s.targets.length).toBeGreaterThan(0);
  });

  it('begins at the first step not done, or at the first when all are done', () => {
    expect(firstOpenStep(empty)).toBe(0);
    expect(firstOpenStep(loaded)).toBe(1);
    expect(firstOpenStep(built)).toBe(2);
    expect(firstOpenStep(trained)).toBe(0);
  });

  it('moves on only when the step shown turns done, not when it was done already', () => {
    expect(advancesOn({ step: 0, done: false }, 0, true)).toBe(true);
    // Came back to a done step with Back: it waits for Next.
    expect(advancesOn({ step: 1, done: true }, 0, true)).toBe(false);
    expect(advancesOn({ step: 0, done: true }, 0, true)).toBe(false);
    expect(advancesOn(null, 0, true)).toBe(false);
    expect(advancesOn({ step: 0, done: true }, 0, false)).toBe(false);
  });

  it('counts a dataset as loaded only when it is ready to train', () => {
    expect(load!.done(empty)).toBe(false);
    const broken = { ...empty, dataset: { name: 'bad.csv', ready: false } };
    expect(load!.done(broken)).toBe(false);
    expect(load!.status(broken)).toMatch(/bad\.csv has problems marked “Must fix”/);
    expect(load!.done(loaded)).toBe(true);
    expect(load!.status(loaded)).toBe('iris.csv is loaded.');
  });

  it('names the network’s first problem until it is valid', () => {
    expect(build!.done(loaded)).toBe(false);
    expect(build!.status(loaded)).toBe('The canvas is empty.');
    const half = { ...loaded, network: { nodes: 2, problem: 'Connect dense_1 to an Output.' } };
    expect(build!.done(half)).toBe(false);
    expect(build!.status(half)).toBe('Not yet: Connect dense_1 to an Output.');
    expect(build!.done(built)).toBe(true);
  });

  it('counts a finished run as trained, but not one that diverged', () => {
    const running = { ...built, run: { finished: false, reason: null } };
    expect(train!.done(running)).toBe(false);
    expect(train!.status(running)).toBe('Training…');
    const diverged = { ...built, run: { finished: true, reason: 'diverged' } };
    expect(train!.done(diverged)).toBe(false);
    expect(train!.status(diverged)).toMatch(/lower the learning rate/);
    expect(train!.done(trained)).toBe(true);
  });

  it('reads the canvas: an MLP classifier template is a network ready to train', () => {
    useGraphStore.getState().replaceGraph({ nodes: [], edges: [] });
    useTrainingStore.getState().load(useTrainingStore.getState().settings, []);
    expect(readTourState()).toMatchObject({ dataset: null, network: { nodes: 0 }, run: null });
    useGraphStore.getState().replaceGraph(TEMPLATES.find((t) => t.id === 'mlp')!.build(3));
    expect(readTourState().network).toEqual({ nodes: 9, problem: null });
    useGraphStore.getState().replaceGraph({
      nodes: [{ id: 'dense_1', kind: 'dense', position: { x: 0, y: 0 }, params: { units: 4 } }],
      edges: [],
    } as never);
    expect(readTourState().network.problem).toEqual(expect.any(String));
  });

  it('is reachable from Help: Start Screen and Guided Tour are commands of the Help menu', () => {
    const help = COMMANDS.filter((c) => c.menu === 'help').map((c) => c.label);
    expect(help).toEqual(expect.arrayContaining(['Start Screen', 'Guided Tour']));
  });
});

describe('"Don’t show at start"', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is remembered in localStorage and can be taken back', () => {
    const items = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    });
    expect(startSkipped()).toBe(false);
    setStartSkipped(true);
    expect(items.get(START_SKIP_KEY)).toBe('1');
    expect(startSkipped()).toBe(true);
    setStartSkipped(false);
    expect(startSkipped()).toBe(false);
  });

  it('shows the start screen when storage cannot be read', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(startSkipped()).toBe(false);
    expect(() => setStartSkipped(true)).not.toThrow();
  });
});
