/** Exporting a run's curves as CSV where the user chooses. */
import type { RunEpoch } from '../../../electron/contract/training';
import type { RendererPlatform } from '../../src/platform';
import { fileStem, saveExport } from '../../charts/export/save';
import { curvesCsv } from './csv';

/** Asks where, then writes "project-run-3-curves.csv" (one row per epoch). */
export function exportRunCsv(
  platform: RendererPlatform,
  runId: string,
  epochs: readonly RunEpoch[],
): Promise<string | null> {
  return saveExport(platform, 'csv', fileStem(runId, 'curves'), () => curvesCsv(epochs));
}
