/**
 * `layerlab evaluate --project P [--data OTHER.csv] [--split test|validation]`: the saved model's
 * metrics on the project's test split (or its validation split, or every row of another file,
 * encoded with the project's fitted encoder). Classification: loss, accuracy, confusion matrix,
 * per-class precision/recall/F1 (engine/train/evaluate.ts). Regression: MAE, RMSE and R² in the
 * target's own units.
 */
import { evaluateDetailed } from '../../engine/train/evaluate';
import { prepareRun } from '../backend/training/setup';
import { noPositionals, oneOf, parseFlags, str } from './args';
import { dataError, EXIT, usage } from './errors';
import type { Io } from './io';
import { openModel } from './model';
import { fmt } from './output';

export const EVALUATE_USAGE = `usage: layerlab evaluate --project FILE.layerlab [--data OTHER.csv] [--split test|validation] [--json]
Evaluates the project's trained weights on its test split (default; the validation split when
it has none), or on every row of OTHER.csv (same columns, encoded with the project's settings).`;

const FLAGS = {
  project: { type: 'string' },
  data: { type: 'string' },
  split: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export async function runEvaluate(argv: string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseFlags(argv, FLAGS, 'evaluate');
  if (v.help) {
    io.out(EVALUATE_USAGE);
    return EXIT.ok;
  }
  noPositionals(positionals);
  const project = str(v.project);
  if (project === undefined) throw usage('--project FILE.layerlab is required');
  const other = str(v.data);
  const wanted = oneOf('split', v.split, ['test', 'validation'] as const);
  if (other !== undefined && wanted === 'validation')
    throw usage('--data OTHER.csv is evaluated whole: leave out --split validation');
  const { session, opened, summary, trainer } = await openModel(project);
  const id = (other ? await session.setTestFile(io, summary.id, other) : summary).id;
  const { start, targetStd, targetMean } = prepareRun(
    session.runData(id),
    opened.graph,
    opened.training,
    'cpu',
  );
  const split = wanted ?? (start.test ? 'test' : 'validation');
  const data = split === 'test' ? start.test : start.validation;
  if (!data) throw dataError(`${project}: its dataset has no ${split} rows to evaluate on`);
  const d = evaluateDetailed(trainer, data);
  const on = other ?? `${summary.file.name} (${split} split)`;
  const json = v.json === true;
  if (d.kind === 'regression') {
    const r = d.targets[0]!.residuals;
    let abs = 0;
    let sq = 0;
    for (const e of r) {
      abs += Math.abs(e) * targetStd;
      sq += (e * targetStd) ** 2;
    }
    const metrics = {
      loss: d.metrics.loss,
      mae: abs / r.length,
      rmse: Math.sqrt(sq / r.length),
      r2: d.metrics.r2 ?? null,
    };
    if (json)
      io.json({
        event: 'evaluation',
        on,
        rows: data.x.rows,
        target: summary.target!.name,
        targetMean,
        targetStd,
        ...metrics,
      });
    else {
      io.out(`${on}: ${data.x.rows} rows, target ${summary.target!.name} (regression)`);
      io.out(
        `  MAE ${fmt(metrics.mae)}  RMSE ${fmt(metrics.rmse)}  R² ${fmt(metrics.r2)}  (in the target's units; loss ${fmt(metrics.loss)} on the standardized target)`,
      );
    }
    return EXIT.ok;
  }
  if (d.kind !== 'classification')
    throw dataError(`${project}: multi-label outputs cannot be evaluated here`);
  const names = summary.target!.classes ?? [];
  const c = d.confusion;
  const perClass = c.perClass.map((s, i) => ({ class: names[i] ?? String(i), ...s }));
  if (json) {
    io.json({
      event: 'evaluation',
      on,
      rows: data.x.rows,
      loss: d.metrics.loss,
      acc: c.accuracy,
      classes: names,
      confusion: c.counts,
      perClass,
      macro: c.macro,
    });
    return EXIT.ok;
  }
  io.out(`${on}: ${data.x.rows} rows, target ${summary.target!.name} (${names.length} classes)`);
  io.out(`  accuracy ${fmt(c.accuracy)}  loss ${fmt(d.metrics.loss)}`);
  const w = Math.max(8, ...names.map((n) => n.length));
  io.out('');
  io.out(`  confusion (rows: actual, columns: predicted)`);
  io.out(`  ${''.padEnd(w)}  ${names.map((n) => n.padStart(Math.max(6, n.length))).join('  ')}`);
  c.counts.forEach((row, i) =>
    io.out(
      `  ${(names[i] ?? '').padEnd(w)}  ${row.map((n, j) => String(n).padStart(Math.max(6, names[j]!.length))).join('  ')}`,
    ),
  );
  io.out('');
  io.out(`  ${'class'.padEnd(w)}  precision  recall     f1  support`);
  for (const s of perClass)
    io.out(
      `  ${s.class.padEnd(w)}  ${fmt(s.precision).padStart(9)}  ${fmt(s.recall).padStart(6)}  ${fmt(s.f1).padStart(5)}  ${String(s.support).padStart(7)}`,
    );
  io.out(
    `  ${'macro'.padEnd(w)}  ${fmt(c.macro.precision).padStart(9)}  ${fmt(c.macro.recall).padStart(6)}  ${fmt(c.macro.f1).padStart(5)}`,
  );
  return EXIT.ok;
}
