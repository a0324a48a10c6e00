/**
 * The `layerlab` command line: the app's data pipeline, project files and training, no window.
 *
 *   layerlab train     train from a CSV + --layers SPEC, or from a project (--save / --out)
 *   layerlab evaluate  metrics of a saved project's model on its test split or another file
 *   layerlab predict   stream a CSV of rows through a saved project's model into a CSV
 *   layerlab inspect   what the app makes of a CSV file
 *   layerlab export    a trained project as ONNX, TF.js, Keras or PyTorch, with its preprocessing
 *   layerlab import    a TF.js, Keras or ONNX model as a new project (graph and weights)
 *   layerlab sweep     a project trained over one or two parameters × seeds, in parallel
 *
 * Every failure is one line on stderr (`layerlab: …`) and an exit code: 0 success, 1 bad data
 * or files (a dataset not ready, a project that cannot be used, inspect: not ready), 2 wrong
 * arguments, 3 training diverged, 4 predict --on-bad-row fail met a bad row. --json prints one
 * JSON object per line. A closed stdout pipe (`| head`) ends quietly with 0.
 */
import { describeFailure, EXIT, usage } from './errors';
import { runEvaluate, EVALUATE_USAGE } from './evaluate';
import { runExport, EXPORT_USAGE } from './export';
import { runImport, IMPORT_USAGE } from './import';
import { INSPECT_USAGE, nodeInspectIo, runInspect } from './inspect';
import type { Io } from './io';
import { runPredict, PREDICT_USAGE } from './predict';
import { runSweep, SWEEP_USAGE } from './sweep';
import { runTrain, TRAIN_USAGE } from './train';

export const USAGE = `usage: layerlab COMMAND [options]   (layerlab COMMAND --help for its options)
commands:
  train      train a network: --data CSV --target COLUMN --layers SPEC, or --project FILE
  evaluate   a saved project's model: metrics, confusion matrix, per-class precision/recall/F1
  predict    predictions for the rows of a CSV file, written to a CSV file (streamed)
  inspect    what Layerlab makes of a CSV file: schema, statistics, split, findings
  export     a trained project as ONNX, TF.js, Keras or PyTorch, preprocessing included
  import     a TF.js model.json, Keras config or ONNX model as a new project
  sweep      a project over one or two parameters × seeds: U-curve, seed noise, best value
exit codes: 0 success, 1 bad data or files, 2 wrong arguments, 3 training diverged,
            4 predict --on-bad-row fail met a row it cannot encode`;

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  train: runTrain,
  evaluate: runEvaluate,
  predict: runPredict,
  export: runExport,
  import: runImport,
  sweep: runSweep,
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'inspect') return runInspect(rest, nodeInspectIo());
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      if (command === undefined) throw usage('missing command (run layerlab --help)');
      io.out(USAGE);
      return EXIT.ok;
    }
    const run = COMMANDS[command];
    if (!run) {
      throw usage(
        command.startsWith('-')
          ? `missing command before ${command} (run layerlab --help)`
          : `unknown command "${command}": the commands are train, evaluate, predict, inspect, export, import and sweep`,
      );
    }
    return await run(rest, io);
  } catch (e) {
    const { message, code } = describeFailure(e);
    io.err(`layerlab: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return code;
  }
}

export {
  TRAIN_USAGE,
  EVALUATE_USAGE,
  PREDICT_USAGE,
  INSPECT_USAGE,
  EXPORT_USAGE,
  IMPORT_USAGE,
  SWEEP_USAGE,
};
