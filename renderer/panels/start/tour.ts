/**
 * The guided first run: three steps, each pointing at the real control and done when the user
 * has done it (never done for them). Plain data and functions, so the rules are testable.
 */
import type { HighlightTarget } from '../lessons/highlight';

/** What the tour looks at in the app's stores. */
export interface TourState {
  /** The loaded dataset, or null. */
  dataset: { name: string; ready: boolean } | null;
  /** The network on the canvas: node count and the first problem, if any. */
  network: { nodes: number; problem: string | null };
  /** The latest run, or null. */
  run: { finished: boolean; reason: string | null } | null;
}

export interface TourStep {
  title: string;
  /** What to do, in words, pointing at where the control is. */
  text: string;
  /** The controls outlined while the step is shown. */
  targets: readonly HighlightTarget[];
  done(s: TourState): boolean;
  /** What the user sees about their progress on this step. */
  status(s: TourState): string;
}

/** The element whose trimmed text starts with `text`, among those matching `selector`. */
export function byText(selector: string, text: string): () => Element | null {
  return () =>
    Array.from(document.querySelectorAll(selector)).find((el) =>
      (el.textContent ?? '').trim().startsWith(text),
    ) ?? null;
}

const dataTab = byText('[role="tab"]', 'Data');
const trainingTab = byText('[role="tab"]', 'Training');
const trainButton = byText('[aria-label="Training controls"] button', 'Train');

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'Load a sample dataset',
    text: 'Open the Data tab below the canvas and choose “iris.csv” in “Open sample dataset…”: 150 flowers, 4 measurements each, 3 species to tell apart. Your own CSV works too (Open CSV…).',
    targets: [dataTab, 'select[aria-label="Open sample dataset"]'],
    done: (s) => s.dataset?.ready === true,
    status: (s) =>
      !s.dataset
        ? 'No dataset yet.'
        : s.dataset.ready
          ? `${s.dataset.name} is loaded.`
          : `${s.dataset.name} has problems marked “Must fix” in the Data tab.`,
  },
  {
    title: 'Pick a template or build a network',
    text: 'Choose “MLP classifier” in “Templates…” in the toolbar, or drag Input, Dense, Activation, Softmax and Output from the palette on the left and wire each output (bottom) to the next input (top).',
    targets: ['select[aria-label="Start from a template"]', 'nav[aria-label="Layers"]'],
    done: (s) => s.network.nodes > 0 && s.network.problem === null,
    status: (s) =>
      s.network.nodes === 0
        ? 'The canvas is empty.'
        : s.network.problem
          ? `Not yet: ${s.network.problem}`
          : `A network of ${s.network.nodes} nodes, ready to train.`,
  },
  {
    title: 'Train it',
    text: 'Open the Training tab and press Train. Watch the training and validation loss fall; the accuracy, the test metrics and a confusion matrix appear when it ends.',
    targets: [trainingTab, trainButton],
    done: (s) =>
      s.run?.finished === true && s.run.reason !== 'diverged' && s.run.reason !== 'failed',
    status: (s) =>
      !s.run
        ? 'Not trained yet.'
        : !s.run.finished
          ? 'Training…'
          : s.run.reason === 'diverged' || s.run.reason === 'failed'
            ? 'The training did not finish well: lower the learning rate and train again.'
            : 'Trained.',
  },
];

/** Where a (re)started tour begins: the first step not done yet, or the first step. */
export function firstOpenStep(s: TourState): number {
  const i = TOUR_STEPS.findIndex((step) => !step.done(s));
  return i < 0 ? 0 : i;
}

/**
 * Whether to move on by itself: only when the step being shown turns done (a step that was
 * already done when the user came back to it waits for Next, so Back stays useful).
 */
export function advancesOn(
  before: { step: number; done: boolean } | null,
  step: number,
  done: boolean,
): boolean {
  return before !== null && before.step === step && !before.done && done;
}
