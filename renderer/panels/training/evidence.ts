/**
 * Alert evidence in words: each monitor key gets a label and a unit, so a reader sees
 * "slope of validation loss per epoch: +0.003" instead of `valSlope`.
 */
type Unit = 'plain' | 'signed' | 'percent' | 'share' | 'times' | 'epoch' | 'count';

const LABELS: Record<string, [string, Unit]> = {
  bestEpoch: ['best epoch', 'epoch'],
  bestValLoss: ['best validation loss', 'plain'],
  valLoss: ['validation loss', 'plain'],
  trainLoss: ['training loss', 'plain'],
  minTrainLoss: ['lowest training loss', 'plain'],
  startLoss: ['training loss at the start', 'plain'],
  baselineLoss: ['loss of always predicting the mean / majority', 'plain'],
  gl: ['generalization loss GL (% above best validation loss)', 'percent'],
  glSmoothed: ['generalization loss GL, smoothed', 'percent'],
  pq: ['progress quotient PQ', 'plain'],
  progress: ['training progress (per mille)', 'plain'],
  valSlope: ['slope of validation loss per epoch', 'signed'],
  valSlopeT: ['t statistic of the validation loss rise', 'plain'],
  trainSlope: ['slope of training loss per epoch', 'signed'],
  trainSlopeEarlier: ['slope of training loss per epoch, earlier', 'signed'],
  epochsSinceBest: ['epochs since the best', 'count'],
  epochsAbove: ['epochs above the threshold', 'count'],
  noise: ['epoch-to-epoch noise of validation loss', 'plain'],
  trainFall: ['fall of training loss', 'share'],
  valFall: ['fall of validation loss', 'share'],
  trainVsBaseline: ['training loss ÷ baseline', 'times'],
  valVsBaseline: ['validation loss ÷ baseline', 'times'],
  jump: ['jump over the lowest training loss', 'times'],
  lr: ['learning rate', 'plain'],
  batch: ['batch', 'count'],
  ratio: ['gradient ratio, layer ÷ output', 'times'],
  layerGradRms: ['layer gradient, RMS', 'plain'],
  outputGradRms: ['output layer gradient, RMS', 'plain'],
  layerGradNorm: ['layer gradient norm', 'plain'],
  layerWeightNorm: ['layer weight norm', 'plain'],
  layer: ['layer', 'count'],
  units: ['units in the layer', 'count'],
  deadUnits: ['dead units', 'count'],
  deadShare: ['share of dead units', 'share'],
  saturatedUnits: ['saturated units', 'count'],
  saturatedShare: ['share of saturated units', 'share'],
  layersAffected: ['layers affected', 'count'],
  threshold: ['threshold', 'plain'],
  window: ['window (epochs)', 'count'],
  epochs: ['epochs', 'count'],
};

const num = (v: number) => (Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(3))));

/** "camelCaseKey" → "camel case key", for keys the table does not know. */
const words = (k: string) => k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** One evidence entry as a label and a value with its unit. */
export function describeEvidence(key: string, v: unknown): { label: string; value: string } {
  const [label, unit] = LABELS[key] ?? [words(key), 'plain'];
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) {
    return { label, value: 'n/a' };
  }
  if (typeof v !== 'number') return { label, value: String(v) };
  switch (unit) {
    case 'signed':
      return { label, value: `${v > 0 ? '+' : v < 0 ? '−' : ''}${num(Math.abs(v))}` };
    case 'percent':
      return { label, value: `${num(v)} %` };
    case 'share':
      return { label, value: `${num(100 * v)} %` };
    case 'times':
      return { label, value: `${num(v)}×` };
    default:
      return { label, value: num(v) };
  }
}
