/**
 * The lessons shipped with the app (assets/lessons): each a project and its guide, bundled into
 * the renderer like the sample datasets, so they open the same way on the desktop and in the
 * browser (through projects:openText).
 */
import activationsProject from '../../../assets/lessons/activations.layerlab?raw';
import activationsGuide from '../../../assets/lessons/activations.guide.json?raw';
import l1l2Project from '../../../assets/lessons/l1-vs-l2.layerlab?raw';
import l1l2Guide from '../../../assets/lessons/l1-vs-l2.guide.json?raw';
import overfittingProject from '../../../assets/lessons/overfitting.layerlab?raw';
import overfittingGuide from '../../../assets/lessons/overfitting.guide.json?raw';
import dropoutProject from '../../../assets/lessons/dropout.layerlab?raw';
import dropoutGuide from '../../../assets/lessons/dropout.guide.json?raw';
import lambdaProject from '../../../assets/lessons/choosing-lambda.layerlab?raw';
import lambdaGuide from '../../../assets/lessons/choosing-lambda.guide.json?raw';
import initProject from '../../../assets/lessons/initialisation.layerlab?raw';
import initGuide from '../../../assets/lessons/initialisation.guide.json?raw';
import augmentProject from '../../../assets/lessons/augmentation.layerlab?raw';
import augmentGuide from '../../../assets/lessons/augmentation.guide.json?raw';
import softmaxProject from '../../../assets/lessons/softmax.layerlab?raw';
import softmaxGuide from '../../../assets/lessons/softmax.guide.json?raw';

export interface LessonStep {
  title: string;
  text: string;
  /** A CSS selector of the control the step talks about, highlighted while the step is shown. */
  control?: string;
}

export interface LessonGuide {
  id: string;
  title: string;
  concept: string;
  formula: string;
  claim: string;
  steps: LessonStep[];
  watch: string;
  means: string;
}

export interface Lesson {
  guide: LessonGuide;
  /** The file name the project opens under. */
  file: string;
  text: string;
}

const lesson = (file: string, text: string, guide: string): Lesson => ({
  file,
  text,
  guide: JSON.parse(guide) as LessonGuide,
});

export const LESSONS: readonly Lesson[] = [
  lesson('activations.layerlab', activationsProject, activationsGuide),
  lesson('softmax.layerlab', softmaxProject, softmaxGuide),
  lesson('l1-vs-l2.layerlab', l1l2Project, l1l2Guide),
  lesson('overfitting.layerlab', overfittingProject, overfittingGuide),
  lesson('dropout.layerlab', dropoutProject, dropoutGuide),
  lesson('choosing-lambda.layerlab', lambdaProject, lambdaGuide),
  lesson('initialisation.layerlab', initProject, initGuide),
  lesson('augmentation.layerlab', augmentProject, augmentGuide),
];
