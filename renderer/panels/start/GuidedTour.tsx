/**
 * The guided first run: a small panel beside the canvas with the current step, the control it
 * talks about outlined (as the lessons do), and Back, Next and Skip. A step moves on by itself
 * once the user has done it; the last one ends with what to try next.
 */
import { useEffect, useRef } from 'react';
import { useHighlight, type HighlightTarget } from '../lessons/highlight';
import { useLessonsUi } from '../lessons/store';
import { useStartUi } from './store';
import { advancesOn, TOUR_STEPS } from './tour';
import { useTourState } from './tourState';

const NOTHING: readonly HighlightTarget[] = [];

export function GuidedTour({ step }: { step: number }) {
  const state = useTourState();
  const { setTourStep, endTour } = useStartUi.getState();
  const current = TOUR_STEPS[step];
  const done = current?.done(state) ?? false;
  useHighlight(current?.targets ?? NOTHING);

  // Move on when the step shown turns done (not when it was done already: Back stays useful).
  const before = useRef<{ step: number; done: boolean } | null>(null);
  useEffect(() => {
    if (advancesOn(before.current, step, done)) setTourStep(step + 1);
    before.current = { step, done };
  }, [step, done, setTourStep]);

  return (
    <aside className="start-tour" aria-label="Guided tour">
      <header>
        <h2>Guided tour</h2>
        <button type="button" onClick={endTour}>
          Skip tour
        </button>
      </header>
      <ol className="start-tour-steps">
        {TOUR_STEPS.map((s, i) => (
          <li
            key={s.title}
            aria-current={i === step ? 'step' : undefined}
            className={s.done(state) ? 'is-done' : undefined}
          >
            <span className="start-tour-mark" aria-hidden="true">
              {s.done(state) ? '✓' : i + 1}
            </span>
            {s.title}
          </li>
        ))}
      </ol>
      {current ? (
        <>
          <p>{current.text}</p>
          <p className={done ? 'start-tour-status is-done' : 'start-tour-status'} role="status">
            {current.status(state)}
          </p>
          <div className="row">
            <button type="button" disabled={step === 0} onClick={() => setTourStep(step - 1)}>
              Back
            </button>
            <button
              type="button"
              className={done ? 'primary' : undefined}
              onClick={() => setTourStep(step + 1)}
            >
              {done ? 'Next' : 'Skip this step'}
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="status" className="start-tour-status is-done">
            You trained your first network.
          </p>
          <p>
            Next: read the alerts beside the curves (they say when and why a model overfits), try
            “Overfits on purpose” from Templates…, or open a lesson for one concept at a time.
          </p>
          <div className="row">
            <button type="button" onClick={() => setTourStep(TOUR_STEPS.length - 1)}>
              Back
            </button>
            <button
              type="button"
              onClick={() => {
                endTour();
                useLessonsUi.getState().openList();
              }}
            >
              Open the lessons
            </button>
            <button type="button" className="primary" onClick={endTour}>
              Finish
            </button>
          </div>
        </>
      )}
    </aside>
  );
}
