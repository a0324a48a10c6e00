/**
 * The start screen: a modal over the empty app at launch (and from Help ▸ Start Screen) with a
 * new project from a sample and a template, recent projects, lessons and the guided tour.
 * Escape, the close button or any choice closes it; Tab stays inside it while it is open.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { usePlatform } from '../../src/platform';
import { projectActions } from '../../src/projectFiles';
import { useUiStore } from '../../store/ui';
import type { Lesson } from '../lessons/catalog';
import { openLesson } from '../lessons/open';
import { createProject, type DataChoice, type NetworkChoice } from './actions';
import { moveInList, trapTab } from './keys';
import { NewProject } from './NewProject';
import { LessonList, RecentList } from './StartSide';
import { setStartSkipped, startSkipped, useStartUi } from './store';
import { beginTour } from './tourState';

export function StartScreen() {
  const platform = usePlatform();
  const files = useMemo(() => projectActions(platform), [platform]);
  const { fitView } = useReactFlow();
  const close = useStartUi((s) => s.close);
  const [skip, setSkip] = useState(startSkipped);
  const dialog = useRef<HTMLDivElement>(null);

  // Focus moves into the dialog (its first choice) and back to where it was when it closes.
  useEffect(() => {
    const opener = document.activeElement;
    const first = dialog.current?.querySelector<HTMLElement>('input:checked');
    (first ?? dialog.current?.querySelector<HTMLElement>('button'))?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  const notifyError = (error: string | null) =>
    error && useUiStore.getState().notify(error, 'error');
  const create = (data: DataChoice, network: NetworkChoice) => {
    close();
    void createProject(
      platform,
      files,
      data,
      network,
      () => void fitView({ maxZoom: 1, duration: 200 }),
    );
  };
  const lesson = (l: Lesson) => {
    close();
    void openLesson(platform.api, l).then((r) => notifyError(r.error));
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    // A modal: the app's shortcuts (C, Delete, Ctrl+K…) wait until it is closed.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      return close();
    }
    if (dialog.current) trapTab(e, dialog.current);
    moveInList(e);
  };

  return (
    <div className="modal-backdrop start-backdrop">
      <div
        ref={dialog}
        className="start-screen"
        role="dialog"
        aria-modal="true"
        aria-labelledby="start-title"
        onKeyDown={onKey}
      >
        <header className="start-head">
          <div>
            <h2 id="start-title">Welcome to Layerlab</h2>
            <p className="muted">
              Design a network, train it on your data, and see why it learns — or overfits.
            </p>
          </div>
          <button
            type="button"
            className="start-close"
            aria-label="Close the start screen"
            onClick={close}
          >
            ×
          </button>
        </header>
        <div className="start-body">
          <NewProject onCreate={create} />
          <div className="start-side">
            <section className="start-section start-tour-promo" aria-label="Guided tour">
              <h3>First time here?</h3>
              <p className="muted">
                A guided tour in three steps: load a sample, pick a network, train it. It points at
                each control; you do the clicks.
              </p>
              <button type="button" onClick={beginTour}>
                Take the guided tour
              </button>
            </section>
            <RecentList
              workspace={platform.info.workspace}
              onOpen={(p) => {
                close();
                void files.openPath(p);
              }}
              onBrowse={() => {
                close();
                void files.open();
              }}
            />
            <LessonList onOpen={lesson} />
          </div>
        </div>
        <footer className="start-foot">
          <label className="check">
            <input
              type="checkbox"
              checked={skip}
              onChange={(e) => {
                setSkip(e.target.checked);
                setStartSkipped(e.target.checked);
              }}
            />{' '}
            Don’t show at start
          </label>
          <span className="muted">Help ▸ Start Screen brings it back.</span>
        </footer>
      </div>
    </div>
  );
}
