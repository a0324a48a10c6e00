// Entry of the training worker thread (built to dist/electron/training-worker.cjs).
import { startWorker } from './training/worker-main';

startWorker();
