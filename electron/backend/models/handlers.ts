/**
 * models:* handlers (backend.ts spreads them into its table). Export writes the draft as a
 * temporary project with its dataset embedded, then runs the same exporter as `layerlab export`
 * into the folder the FileAccess policy allows. Import reads the file through the policy too, and
 * adopts weights that fit the current dataset, so Predict uses them straight away.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { checkWeights } from '../../../engine/graph/project/weights';
import { serializeProject } from '../../../engine/graph/project';
import { AppError } from '../../contract';
import type { modelChannels } from '../../contract/models';
import type { DatasetStore } from '../datasets/store';
import { exportProject } from '../export';
import { writeFileAtomic } from '../files/atomic';
import type { FileAccess } from '../files/access';
import { buildProject } from '../projects/document';
import type { ProjectPlatform, ProjectSources } from '../projects';
import type { TrainingService } from '../training/service';
import { importModelFile } from './import';

type MC = typeof modelChannels;
type Req<C extends keyof MC> = z.output<MC[C]['request']>;
type Res<C extends keyof MC> = z.output<MC[C]['response']>;
export type ModelHandlers = { [C in keyof MC]: (request: Req<C>) => Promise<Res<C>> };

export interface ModelContext {
  access: FileAccess;
  platform: ProjectPlatform;
  sources: ProjectSources;
  store: DatasetStore;
  training: TrainingService;
}

/** A file name from the project's title (the exporter names the model after it). */
const fileName = (title: string) =>
  (
    title
      .replace(/\.layerlab$/i, '')
      .replace(/[^A-Za-z0-9 _-]+/g, '_')
      .trim() || 'model'
  ).slice(0, 80);

export function modelHandlers(ctx: ModelContext): ModelHandlers {
  return {
    async 'models:export'(req) {
      const outDir = await ctx.access.resolveWrite(req.outDir);
      const temp = await mkdtemp(path.join(os.tmpdir(), 'layerlab-export-'));
      try {
        const projectPath = path.join(temp, `${fileName(req.name)}.layerlab`);
        const built = await buildProject(ctx, req.draft, temp, true);
        if (!built.project.weights)
          throw new AppError(
            'NOT_FOUND',
            'Train the network first: there is no trained model to export.',
            {
              problem: 'no_weights',
            },
          );
        await writeFileAtomic(projectPath, serializeProject(built.project));
        const r = await exportProject({ projectPath, format: req.format, outDir });
        return { ...r, outDir: ctx.access.display(r.outDir) };
      } finally {
        await rm(temp, { recursive: true, force: true });
      }
    },
    async 'models:import'(req) {
      const abs = await ctx.access.resolveRead(req.path);
      const m = await importModelFile(abs, path.basename(abs), (p) =>
        ctx.access.resolveRead(ctx.access.display(p)),
      );
      let weights: Res<'models:import'>['weights'] = null;
      if (m.weights) {
        const w = checkWeights(m.graph, m.weights);
        if (!w.ok) throw new AppError('BAD_REQUEST', w.message);
        const parameters = w.arrays.reduce((s, a) => s + a.length, 0);
        let adopted = false;
        const enc = req.datasetId ? ctx.store.get(req.datasetId).prepared.encoder : null;
        if (req.datasetId && enc && enc.width === m.weights.features) {
          ctx.training.adoptModel({
            runId: 'imported',
            datasetId: req.datasetId,
            spec: w.spec,
            weights: w.arrays,
          });
          adopted = true;
        }
        weights = { features: m.weights.features, parameters, adopted };
      }
      return { graph: m.graph, weights, summary: m.summary };
    },
  };
}
