/**
 * The start screen and the guided tour, mounted once in the app. At launch the start screen
 * opens when nothing is open yet (no project, dataset or network) unless the user asked not to
 * see it; it waits while the recovery offer is shown, and closes when a project or a dataset
 * opens by other means (a file the OS passed, a recovered document). Opening a lesson ends the
 * tour.
 */
import { useEffect } from 'react';
import { useDataStore } from '../../store/data';
import { useGraphStore } from '../../store/graph';
import { useProjectStore } from '../../store/project';
import { useRecoveryStore } from '../../store/recovery';
import { useLessonsUi } from '../lessons/store';
import { GuidedTour } from './GuidedTour';
import { StartScreen } from './StartScreen';
import { startSkipped, useStartUi } from './store';
import './start.css';

export function Start() {
  const open = useStartUi((s) => s.open);
  const tourStep = useStartUi((s) => s.tourStep);
  const recovering = useRecoveryStore((s) => s.items.length > 0);

  useEffect(() => {
    const empty =
      !useProjectStore.getState().path &&
      !useDataStore.getState().summary &&
      useGraphStore.getState().graph.nodes.length === 0;
    if (empty && !startSkipped()) useStartUi.getState().show();
    const close = () => useStartUi.getState().open && useStartUi.getState().close();
    const offs = [
      useProjectStore.subscribe((s, prev) => {
        if (s.key !== prev.key || s.path !== prev.path) close();
      }),
      useDataStore.subscribe((s, prev) => {
        if (s.summary && !prev.summary) close();
      }),
      // A lesson's guide takes the tour's place beside the canvas: one guide at a time.
      useLessonsUi.subscribe((s, prev) => {
        if (s.active && s.active !== prev.active) useStartUi.getState().endTour();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  return (
    <>
      {open && !recovering && <StartScreen />}
      {tourStep !== null && <GuidedTour step={tourStep} />}
    </>
  );
}
