/**
 * Rules about what sits at the end of the chain and whether it fits the task: a Dense present,
 * Softmax placement, the loss ('auto' resolved) against the last node, and the loss and output
 * width against the target. The task comes from the options: `classes` means a class target,
 * `targets` (without `classes`) a numeric one (a regression); neither means no data chosen yet,
 * and then only what the graph itself shows is checked.
 */
import type { GraphNode } from './document';
import { LAYER_LABELS, LOSS_LABELS } from './kinds';
import type { GraphProblem } from './problems';
import { plural } from './plural';
import type { ShapeInfo } from './shapes';

export type ResolvedLoss = 'cce' | 'bce' | 'mse';

export interface ValidateOptions {
  /** Feature count of the data (Input's width). */
  features?: number;
  /** Number of classes of a classification target (checks the loss and output width). */
  classes?: number;
  /** Number of target columns of a regression (refuses class losses; checks the output width). */
  targets?: number;
}

/** `Dense "d1"` — how messages name a node. */
export function nodeLabel(node: GraphNode): string {
  return `${LAYER_LABELS[node.kind]} "${node.id}"`;
}

/** Checks the head of a complete chain (Input … Output); returns the loss it resolves to. */
export function checkHead(
  chain: GraphNode[],
  shapes: ShapeInfo,
  opts: ValidateOptions,
  problems: GraphProblem[],
  notes: GraphProblem[],
): ResolvedLoss {
  const output = chain[chain.length - 1]!;
  if (output.kind !== 'output') throw new Error('chain must end at Output');
  const body = chain.slice(1, -1);
  const denses = body.filter((n) => n.kind === 'dense');
  if (denses.length === 0) {
    problems.push({
      nodeId: output.id,
      code: 'no_dense',
      message: `There is no Dense layer between Input and ${nodeLabel(output)}, so there is nothing to learn: add a Dense layer.`,
    });
  }
  const last = body[body.length - 1];
  for (const n of body) {
    if (n.kind === 'softmax' && n !== last) {
      problems.push({
        nodeId: n.id,
        code: 'softmax_position',
        message: `${nodeLabel(n)} must come directly before Output: move it to the end of the chain or delete it.`,
      });
    }
  }
  const endsSoftmax = last?.kind === 'softmax';
  const endsSigmoid = last?.kind === 'activation' && last.params.fn === 'sigmoid';
  const width = last === undefined ? null : (shapes.nodes[last.id]?.out ?? null);
  const wanted = output.params.loss;
  const loss: ResolvedLoss =
    wanted !== 'auto'
      ? wanted
      : endsSoftmax
        ? 'cce'
        : endsSigmoid && (width === 1 || opts.classes === 2)
          ? 'bce'
          : 'mse';
  const words = LOSS_LABELS[loss];
  const classes = opts.classes;
  const regression = classes === undefined && opts.targets !== undefined;
  const outLabel = nodeLabel(output);
  const lastDense = denses[denses.length - 1];

  if (regression && loss !== 'mse') {
    // A class loss on numbers trains to nonsense (a negative "cross-entropy", an accuracy of
    // 0/1 labels that do not exist): refuse it before training.
    const why = wanted === 'auto' ? ` (chosen from the ${LAYER_LABELS[last!.kind]} before it)` : '';
    const drop = endsSoftmax || endsSigmoid ? ` and delete ${nodeLabel(last)}` : '';
    problems.push({
      nodeId: output.id,
      code: 'loss_task',
      message: `${outLabel} uses ${words}${why}, but the target is a number (a regression): set the loss to mean squared error (mse)${drop}, or choose a class column as the target in the Data tab.`,
    });
  } else if (regression && endsSoftmax) {
    problems.push({
      nodeId: last.id,
      code: 'softmax_task',
      message: `${nodeLabel(last)} turns the outputs into class probabilities, but the target is a number (a regression): delete the Softmax.`,
    });
  } else {
    if (endsSoftmax && loss !== 'cce') {
      problems.push({
        nodeId: output.id,
        code: 'softmax_loss',
        message: `${outLabel} uses ${words} after ${nodeLabel(last)}: Softmax goes with categorical cross-entropy, so set the loss to cce (or auto) or delete the Softmax.`,
      });
    }
    if (loss === 'cce' && !endsSoftmax) {
      problems.push({
        nodeId: output.id,
        code: 'cce_needs_softmax',
        message: `${outLabel} uses categorical cross-entropy but no Softmax comes right before it: add a Softmax node before Output.`,
      });
    }
    if (loss === 'bce' && !endsSigmoid) {
      problems.push({
        nodeId: output.id,
        code: 'bce_needs_sigmoid',
        message: `${outLabel} uses binary cross-entropy but the node before it is not a sigmoid Activation: add an Activation with sigmoid right before Output.`,
      });
    }
    if (endsSoftmax && width === 1) {
      problems.push({
        nodeId: last.id,
        code: 'softmax_width',
        message: `${nodeLabel(last)} gets 1 value per sample, so it always outputs 1: give the Dense before it one unit per class.`,
      });
    }
  }
  if (loss === 'bce' && classes !== undefined && classes !== 2) {
    problems.push({
      nodeId: output.id,
      code: 'bce_classes',
      message: `${outLabel} uses binary cross-entropy but the target has ${classes} classes: use categorical cross-entropy with a Softmax, or a target with 2 classes.`,
    });
  }
  if (loss === 'mse' && classes !== undefined) {
    notes.push({
      nodeId: output.id,
      code: 'mse_classes',
      message: `${outLabel} uses mean squared error on a class target (${classes} classes): it trains, but cross-entropy usually learns classes better — end with Softmax (loss cce)${classes === 2 ? ', or with a sigmoid Activation on 1 unit (loss bce)' : ''}.`,
    });
  }

  // Output width: the last Dense decides it.
  if (lastDense !== undefined && width !== null && !(regression && loss !== 'mse')) {
    if (loss === 'bce' && (classes === undefined || classes === 2) && width !== 1) {
      problems.push({
        nodeId: lastDense.id,
        code: 'bce_width',
        message: `${nodeLabel(lastDense)} has ${width} units but binary cross-entropy predicts one probability per sample: set its units to 1${classes === undefined ? '' : ', or use Softmax with categorical cross-entropy'}.`,
      });
    }
    let need: number | null = null;
    let why = '';
    if (loss === 'cce' && classes !== undefined && classes >= 2) {
      need = classes;
      why = `the target has ${classes} classes`;
    } else if (loss === 'mse' && opts.targets !== undefined && classes === undefined) {
      need = opts.targets;
      why = `the target has ${plural(opts.targets, 'column')}`;
    } else if (loss === 'mse' && classes !== undefined) {
      need = classes;
      why = `the target has ${classes} classes`;
    }
    if (need !== null && width !== need) {
      problems.push({
        nodeId: lastDense.id,
        code: 'output_width',
        message: `${nodeLabel(lastDense)} has ${plural(width, 'unit')} but ${why}: set its units to ${need}.`,
      });
    }
  }
  return loss;
}
