/** Project files: the Electron-free service behind the projects:* channels. */
export { projectHandlers, type ProjectHandlers } from './handlers';
export { ProjectService, BACKUP_SUFFIX } from './service';
export type {
  DatasetContent,
  DatasetToLoad,
  LinkedDatasetRequest,
  ProjectPlatform,
  ProjectServiceOptions,
  ProjectSources,
  TrainedWeights,
  WeightsToRestore,
} from './sources';
