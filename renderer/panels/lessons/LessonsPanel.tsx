/**
 * Help ▸ Lessons: a list of the shipped lessons; opening one loads its project (as a dropped
 * project file would, through projects:openText) and shows its guide beside the canvas. The
 * current step highlights the control it talks about.
 */
import { useEffect, useState } from 'react';
import { describeError } from '../../src/errors';
import { usePlatform } from '../../src/platform';
import { applyProject } from '../../src/projectFiles';
import { isDirty } from '../../store/project';
import { isTraining, useTrainingStore } from '../../store/training';
import { LESSONS, type Lesson } from './catalog';
import { useLessonsUi } from './store';
import './lessons.css';

/**
 * An attribute, not a class: React rewrites a node's className when it is selected (which a step
 * may ask for), but leaves attributes it does not own alone.
 */
const HIGHLIGHT = 'data-lesson-highlight';

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
  const open = async (l: Lesson) => {
    if (isTraining(useTrainingStore.getState())) return setError('Stop the training first.');
    if (isDirty() && !window.confirm('Discard the unsaved changes to open the lesson?')) return;
    try {
      applyProject(await platform.api.invoke('projects:openText', { name: l.file, text: l.text }));
      useLessonsUi.getState().show(l.guide.id);
    } catch (err) {
      setError(describeError(err));
    }
  };
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

  // Outline the step's control. It may not be on screen yet (another tab, a node not selected):
  // look again a few times a second, so it is outlined as soon as it appears.
  useEffect(() => {
    if (!control) return;
    let el: Element | null = null;
    const find = () => {
      const found = document.querySelector(control);
      if (found === el) return;
      el?.removeAttribute(HIGHLIGHT);
      el = found;
      if (el) {
        el.setAttribute(HIGHLIGHT, '');
        el.scrollIntoView?.({ block: 'nearest' });
      }
    };
    find();
    const timer = window.setInterval(find, 250);
    return () => {
      window.clearInterval(timer);
      el?.removeAttribute(HIGHLIGHT);
    };
  }, [control]);

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
