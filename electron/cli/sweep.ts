/**
 * `layerlab sweep`: a project's network and settings trained over one or two parameters × seeds,
 * variants in parallel (one worker thread per core), each through the app's run setup, so a
 * variant's numbers equal `layerlab train --project P` with that value and seed. Prints each
 * variant, the mean ± sd per value, the U-curve's best value and whether it beats its neighbours
 * by more than the seed noise (and, for `fraction`, the learning-curve verdict).
 */
import path from 'node:path';
import {
  parseSweepParam,
  SweepSpecError,
  summarizeVariant,
  type SweepParam,
} from '../../engine/experiments';
import { runGraphOf } from '../../engine/graph/run-graph';
import { planSweep, sweepDataHash } from '../backend/sweep/plan';
import { sweepResult } from '../backend/sweep/result';
import { defaultWorkers, SweepPool } from '../backend/sweep/pool';
import { noPositionals, num, parseFlags, str, whole } from './args';
import { Session } from './data';
import { EXIT, usage } from './errors';
import type { Io } from './io';
import { human, metricFields, present } from './output';
import { chooseSettings, describeSettings, SETTING_FLAGS } from './settings';
import { reportSweep } from './sweep-report';

export const SWEEP_USAGE = `usage: layerlab sweep --project FILE.layerlab --param KEY=VALUES [--param KEY=VALUES]
         [--seeds K] [--workers N] [--save] [--json] [training flags of layerlab train: --epochs N, --lr X, …]
KEY: l1, l2, lr, batch, optimizer, epochs, noise, mixup, fraction (of the training rows),
     or a layer's NODE.units, NODE.rate (dropout), NODE.fn (activation), e.g. dropout_1.rate
VALUES: a list (0,1e-4,1e-3) or a log range log:FROM:TO:COUNT (log:1e-4:1e-1:4)
Each value is trained with K seeds (the project's seed, +1, …; default 1); variants train in
parallel on the CPU, one per core (--workers to change). Losses are compared without the L1/L2
penalty; with two or more seeds, differences are tested against the seed noise (Welch's t-test).
--save keeps the sweep (values, seeds, each variant's outcome and curve) in the project.`;

const FLAGS = {
  project: { type: 'string' },
  param: { type: 'string', multiple: true },
  seeds: { type: 'string' },
  workers: { type: 'string' },
  json: { type: 'boolean' },
  save: { type: 'boolean' },
  ...SETTING_FLAGS,
} as const;

export async function runSweep(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseFlags(argv, FLAGS, 'sweep');
  if (v.help) {
    io.out(SWEEP_USAGE);
    return EXIT.ok;
  }
  noPositionals(positionals);
  const project = str(v.project);
  if (project === undefined) throw usage('--project FILE.layerlab is required');
  const raw = (v as Record<string, unknown>).param as string[] | undefined;
  if (!raw?.length) throw usage('give one or two --param KEY=VALUES');
  const seeds = num('seeds', v.seeds, whole, 'a whole number ≥ 1') ?? 1;
  const workers = num('workers', v.workers, whole, 'a whole number ≥ 1') ?? defaultWorkers();
  const json = v.json === true;
  let params: SweepParam[];
  try {
    params = raw.map(parseSweepParam);
  } catch (e) {
    if (e instanceof SweepSpecError) throw usage(`--param ${e.message}`);
    throw e;
  }

  const session = new Session();
  const { opened, summary } = await session.openProject(project);
  const { settings, overridden } = chooseSettings(v, opened.training);
  let plan;
  try {
    plan = planSweep(session.runData(summary.id), opened.graph, settings, { params, seeds });
  } catch (e) {
    if (e instanceof SweepSpecError) throw usage(`--param ${e.message}`);
    throw e;
  }
  const head = {
    project: path.basename(project),
    params: params.map((p) => ({ key: p.key, values: p.values })),
    seeds,
    variants: plan.length,
    workers: Math.min(workers, plan.length),
  };
  if (json) io.json({ event: 'sweep', ...head, settings, overridden });
  else {
    io.out(`settings (the project): ${describeSettings(settings)}`);
    io.out(
      `sweep: ${params.map((p) => `${p.key} over ${p.values.join(', ')}`).join(' × ')}, ${seeds} seed${seeds > 1 ? 's' : ''}: ${plan.length} runs on ${head.workers} worker threads (CPU)`,
    );
  }

  const pool = new SweepPool(path.join(__dirname, 'sweep-worker.cjs'), workers);
  const runs = await pool.run(plan, {
    onEpoch: (id, e) => {
      if (!json) return;
      const fields = { ...metricFields(e.train), ...(e.val ? metricFields(e.val, 'val_') : {}) };
      io.json({ event: 'epoch', variant: id, epoch: e.epoch, ...present(fields) });
    },
    onDone: (r) => {
      const s = summarizeVariant(r);
      const line = {
        variant: s.id,
        values: s.values,
        seed: s.seed,
        status: s.status,
        best_epoch: s.bestEpoch,
        best_val_loss: s.bestVal,
        train_loss_at_best: s.trainAtBest,
        gap: s.gap,
        test: s.test,
        elapsed_ms: s.elapsedMs,
        ...(r.message ? { message: r.message } : {}),
      };
      if (json) io.json({ event: 'variant', ...line });
      else
        io.out(
          `${s.id} ${s.group} seed ${s.seed}: ${s.status}${r.message ? ` (${r.message})` : ''}  ${human({ best_epoch: s.bestEpoch, best_val_loss: s.bestVal, gap: s.gap, test: s.test })}`,
        );
    },
  });
  reportSweep(io, json, params, runs);
  if (v.save === true) {
    const result = sweepResult(
      `sweep${opened.sweeps.length + 1}`,
      params,
      runs,
      summary.target!.task,
    );
    const d = opened.dataset;
    const saved = await session.projects.save(project, {
      graph: opened.graph,
      training: opened.training,
      runs: opened.runs,
      sweeps: [
        {
          sweepId: result.sweepId,
          savedAt: Date.now(),
          params: result.params,
          seeds,
          settings,
          variants: result.variants,
          // What Compare diffs a group's network and data against.
          graph: runGraphOf(opened.graph),
          dataset: {
            name: summary.file.name,
            hash: sweepDataHash(plan),
          },
        },
        ...opened.sweeps,
      ],
      dataset: {
        kind: 'loaded',
        id: summary.id,
        mode: d?.status === 'loaded' && !d.embedded ? 'link' : 'embed',
      },
      includeWeights: true,
    });
    if (json) io.json({ event: 'saved', path: saved.path, sweep: result.sweepId });
    else io.out(`saved ${saved.path} (sweep ${result.sweepId})`);
  }
  return runs.every((r) => r.status === 'completed' || r.status === 'stopped')
    ? EXIT.ok
    : EXIT.diverged;
}
