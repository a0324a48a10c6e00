/**
 * Help ▸ Lessons: a list of the shipped lessons; opening one loads its project (as a dropped
 * project file would, through projects:openText) and shows its guide beside the canvas. The
 * current step highlights the control it talks about.
 */
import { useMemo, useState } from 'react';
import { usePlatform } from '../../src/platform';
import { LESSONS, type Lesson } from './catalog';
import { useHighlight } from './highlight';
import { openLesson } from './open';
import { useLessonsUi } from './store';
import './lessons.css';

export function LessonsPanel() {
  const listOpen = useLessonsUi((s) => s.listOpen);
  const active = useLessonsUi((s) => s.active);
  const lesson = LESSONS.find((l) => l.guide.id === active);
  return (
    <>
      {listOpen && <LessonList />}
      {lesson && <Guide lesson={lesson} />}
    </>
  );
}

function LessonList() {
  const platform = usePlatform();
  const close = useLessonsUi((s) => s.closeList);
  const [error, setError] = useState<string | null>(null);
  const open = async (l: Lesson) => setError((await openLesson(platform.api, l)).error);
  return (
    <div className="modal-backdrop">
      <div className="modal lessons-list" role="dialog" aria-modal="true" aria-label="Lessons">
        <h2>Lessons</h2>
        <p className="muted">One small project per concept, with a guide: what to try and why.</p>
        <ul>
          {LESSONS.map((l) => (
            <li key={l.guide.id}>
              <button type="button" onClick={() => void open(l)}>
                {l.guide.title}
              </button>
              <span className="muted">{l.guide.concept}</span>
            </li>
          ))}
        </ul>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function Guide({ lesson }: { lesson: Lesson }) {
  const { guide } = lesson;
  const step = useLessonsUi((s) => s.step);
  const { setStep, closeGuide } = useLessonsUi.getState();
  const current = guide.steps[step];
  const control = current?.control;
  // Outline the step's control (as soon as it is on screen).
  useHighlight(useMemo(() => (control ? [control] : []), [control]));

  return (
    <aside className="lesson-guide" aria-label="Lesson guide">
      <header>
        <h2>{guide.title}</h2>
        <button type="button" aria-label="Close the lesson guide" onClick={closeGuide}>
          ×
        </button>
      </header>
      <p>{guide.concept}</p>
      <p className="lesson-formula" aria-label="Formula">
        {guide.formula}
      </p>
      <ol className="lesson-steps">
        {guide.steps.map((s, i) => (
          <li key={i} aria-current={i === step ? 'step' : undefined}>
            <button type="button" onClick={() => setStep(i)}>
              {s.title}
            </button>
            {i === step && <p>{s.text}</p>}
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" disabled={step === 0} onClick={() => setStep(step - 1)}>
          Back
        </button>
        <button
          type="button"
          disabled={step >= guide.steps.length - 1}
          onClick={() => setStep(step + 1)}
        >
          Next step
        </button>
      </div>
      <dl>
        <dt>What to watch</dt>
        <dd>{guide.watch}</dd>
        <dt>What it means</dt>
        <dd>{guide.means}</dd>
        <dt>What you should see</dt>
        <dd>{guide.claim}</dd>
      </dl>
    </aside>
  );
}
