// Entry of a CPU backend helper thread (built to dist/electron/gemm-helper.cjs and
// dist/bench/gemm-helper.cjs): runs matrix-product row blocks for the thread that started it.
import { parentPort } from 'node:worker_threads';
import { runGemmHelper } from '../../../engine/backend/cpu/gemm-helper';
import type { HelperStart } from '../../../engine/backend/threads';

parentPort?.once('message', (start: HelperStart) => runGemmHelper(start));
