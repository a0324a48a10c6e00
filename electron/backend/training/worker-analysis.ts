/**
 * The training worker's analyses of its latest model (see electron/contract/diagnostics.ts):
 * Monte-Carlo dropout on the evaluation split, a loss-landscape slice on the training split, and
 * the run's settings trained again with several seeds. They run between runs only (the service
 * refuses them while training), on the worker's backend.
 */
import type { ResponseOf } from '../../contract';
import type { Dataset } from '../../../engine/data/dataset';
import { lossLandscape } from '../../../engine/train/landscape';
import { mcDropout, MC_DROPOUT_NOTE } from '../../../engine/train/mc-dropout';
import { meanSd, seedList } from '../../../engine/train/seeds';
import type { ModelSpec } from '../../../engine/train/spec';
import { Trainer } from '../../../engine/train/trainer';
import { keepsSeeds, SeedModels, type SeedModel } from './boundary-seeds';
import type { StartMessage } from './protocol';
import { fitSettings } from './run';

export type AnalyseRequest =
  | { what: 'mcDropout'; passes: number; seed: number }
  | { what: 'landscape'; dims: 1 | 2; steps?: number; span?: number; seed: number }
  | { what: 'seeds'; count: number };

const ROW_SD_LIMIT = 500;
const orNull = (v: number) => (Number.isFinite(v) ? v : null);

export async function analyse(
  req: AnalyseRequest,
  trainer: Trainer,
  msg: StartMessage,
  yieldToHost: () => Promise<void>,
  keepSeeds: (seeds: SeedModels | null) => void = () => undefined,
): Promise<unknown> {
  if (req.what === 'mcDropout') return monteCarlo(req.passes, req.seed, trainer, msg);
  if (req.what === 'landscape') {
    const l = lossLandscape(trainer.network, msg.train, req.dims, {
      seed: req.seed,
      ...(req.steps !== undefined ? { steps: req.steps | 1 } : {}),
      ...(req.span !== undefined ? { span: req.span } : {}),
    });
    return {
      alphas: l.alphas,
      betas: l.betas,
      losses: l.losses.map(orNull),
      center: orNull(l.center),
      parameters: trainer.network.parameterCount,
    } satisfies ResponseOf<'training:landscape'>;
  }
  return seeds(req.count, trainer, msg, yieldToHost, keepSeeds);
}

function monteCarlo(
  passes: number,
  seed: number,
  trainer: Trainer,
  msg: StartMessage,
): ResponseOf<'training:mcDropout'> {
  const [split, data]: [ResponseOf<'training:mcDropout'>['split'], Dataset] = msg.test
    ? ['test', msg.test]
    : msg.validation
      ? ['validation', msg.validation]
      : ['train', msg.train];
  const spec = trainer.spec;
  const weights = trainer.network.getWeights();
  const opts = { backend: trainer.network.backend, maxBatch: trainer.network.maxBatch };
  // Dropout has no parameters: the same weights without it are the normal evaluation.
  const plain: ModelSpec = { ...spec, layers: spec.layers.filter((l) => l.type !== 'dropout') };
  const normal = mcDropout(plain, weights, data, { ...opts, passes: 1, seed });
  const mc = mcDropout(spec, weights, data, { ...opts, passes, seed });
  const k = mc.outputs;
  const rowSd: number[] = [];
  for (let r = 0; r < Math.min(mc.rows, ROW_SD_LIMIT); r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (mc.mean[r * k + c]! > mc.mean[r * k + best]!) best = c;
    rowSd.push(mc.sd[r * k + best]!);
  }
  return {
    split,
    rows: mc.rows,
    passes,
    hasDropout: spec.layers.some((l) => l.type === 'dropout' && l.rate > 0),
    classification: spec.loss !== 'mse' || k > 1,
    normalMetric: orNull(normal.meanMetric),
    mcMetric: orNull(mc.meanMetric),
    meanSd: orNull(mc.meanSd),
    rowSd,
    disagreement: orNull(mc.disagreement),
    note: MC_DROPOUT_NOTE,
  };
}

async function seeds(
  count: number,
  trained: Trainer,
  msg: StartMessage,
  yieldToHost: () => Promise<void>,
  keepSeeds: (seeds: SeedModels | null) => void,
): Promise<ResponseOf<'training:seeds'>> {
  const list = seedList(msg.settings.seed, count);
  const keep = keepsSeeds(trained.network.parameterCount, list.length);
  const models: SeedModel[] = [];
  const trainLoss: (number | null)[][] = [];
  const valLoss: (number | null)[][] = [];
  const penalty: number[][] = [];
  const last = {
    trainLoss: [] as number[],
    valLoss: [] as number[],
    trainAcc: [] as number[],
    valAcc: [] as number[],
  };
  for (const seed of list) {
    const t = new Trainer(msg.spec, {
      backend: trained.network.backend,
      seed,
      maxBatch: trained.network.maxBatch,
    });
    const r = await t.fit(msg.train, {
      ...fitSettings({ ...msg.settings, seed }, msg.pixels),
      ...(msg.validation ? { validation: msg.validation } : {}),
      yieldToHost,
      yieldEveryMs: 10,
    });
    trainLoss.push(r.history.map((e) => orNull(e.train.loss)));
    valLoss.push(r.history.map((e) => (e.val ? orNull(e.val.loss) : null)));
    penalty.push(r.history.map((e) => e.penalty ?? 0));
    const end = r.history.at(-1);
    if (keep)
      models.push({
        weights: t.network.getWeights(),
        final: {
          seed,
          epochs: r.history.length,
          trainLoss: end ? orNull(end.train.loss) : null,
          valLoss: end?.val ? orNull(end.val.loss) : null,
          trainAcc: end?.train.acc !== undefined ? orNull(end.train.acc) : null,
          valAcc: end?.val?.acc !== undefined ? orNull(end.val.acc) : null,
        },
      });
    if (!end) continue;
    last.trainLoss.push(end.train.loss);
    if (end.val) last.valLoss.push(end.val.loss);
    if (end.train.acc !== undefined) last.trainAcc.push(end.train.acc);
    if (end.val?.acc !== undefined) last.valAcc.push(end.val.acc);
  }
  const { backend, maxBatch } = trained.network;
  keepSeeds(
    keep
      ? new SeedModels(msg.spec, models, (spec) => new Trainer(spec, { backend, maxBatch }))
      : null,
  );
  const summary = (v: number[]) => {
    const s = meanSd(v);
    return { mean: orNull(s.mean), sd: orNull(s.sd), n: s.n };
  };
  return {
    seeds: list,
    trainLoss,
    valLoss,
    penalty,
    final: {
      trainLoss: summary(last.trainLoss),
      valLoss: summary(last.valLoss),
      trainAcc: last.trainAcc.length ? summary(last.trainAcc) : null,
      valAcc: last.valAcc.length ? summary(last.valAcc) : null,
    },
  };
}
