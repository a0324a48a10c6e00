// Entry of a sweep worker thread (built to dist/electron/sweep-worker.cjs).
import { startSweepWorker } from './sweep/worker-main';

startSweepWorker();
