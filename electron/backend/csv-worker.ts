// Entry of the CSV worker threads (built to dist/electron/csv-worker.cjs).
import { startCsvWorker } from './datasets/csv-worker-main';

startCsvWorker();
