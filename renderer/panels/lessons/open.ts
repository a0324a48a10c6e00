/**
 * Opening a shipped lesson: its project becomes the document (as a dropped project file would,
 * through projects:openText) and its guide is shown. Used by Help ▸ Lessons and the start screen.
 */
import type { Api } from '../../../electron/contract/client';
import { describeError } from '../../src/errors';
import { applyProject } from '../../src/projectFiles';
import { isDirty } from '../../store/project';
import { isTraining, useTrainingStore } from '../../store/training';
import type { Lesson } from './catalog';
import { useLessonsUi } from './store';

export interface LessonOpening {
  opened: boolean;
  /** Why it did not open, in words; null when it opened or the user chose to keep their work. */
  error: string | null;
}

export async function openLesson(api: Api, lesson: Lesson): Promise<LessonOpening> {
  if (isTraining(useTrainingStore.getState()))
    return { opened: false, error: 'Stop the training first.' };
  if (isDirty() && !window.confirm('Discard the unsaved changes to open the lesson?'))
    return { opened: false, error: null };
  try {
    applyProject(await api.invoke('projects:openText', { name: lesson.file, text: lesson.text }));
    useLessonsUi.getState().show(lesson.guide.id);
    return { opened: true, error: null };
  } catch (err) {
    return { opened: false, error: describeError(err) };
  }
}
