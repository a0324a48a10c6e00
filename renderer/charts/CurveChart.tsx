/**
 * Training vs validation curve of one metric per epoch, with markers where alerts fired.
 * Long runs are downsampled for display only.
 */
import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RunAlert, RunEpoch } from '../../electron/contract/training';
import { downsample } from './downsample';

export type MetricKey = 'loss' | 'acc' | 'mae';

const LABELS: Record<MetricKey, string> = {
  loss: 'Loss',
  acc: 'Accuracy',
  mae: 'Mean absolute error',
};
const MAX_POINTS = 300;
// Accuracy lives in [0, 1]: start the axis at the nearest tenth below the data, end it at 1.
const ACC_DOMAIN: [(min: number) => number, number] = [
  (min) => Math.max(0, Math.floor(min * 10) / 10),
  1,
];
const AUTO_DOMAIN: ['auto', 'auto'] = ['auto', 'auto'];

interface Props {
  metric: MetricKey;
  epochs: readonly RunEpoch[];
  alerts: readonly RunAlert[];
  log: boolean;
  /** Epochs of another run to overlay, dashed. */
  compare?: readonly RunEpoch[] | undefined;
}

function CurveChartView({ metric, epochs, alerts, log, compare }: Props) {
  const data = useMemo(() => {
    const rows = epochs.map((e) => ({
      epoch: e.epoch,
      train: e.train[metric] ?? null,
      validation: e.val ? (e.val[metric] ?? null) : null,
    }));
    const thin = downsample(rows, MAX_POINTS, (r) => r.validation ?? r.train);
    if (!compare) return thin;
    const other = new Map(
      compare.map((e) => [e.epoch, e.val ? (e.val[metric] ?? null) : (e.train[metric] ?? null)]),
    );
    return thin.map((r) => ({ ...r, compare: other.get(r.epoch) ?? null }));
  }, [epochs, metric, compare]);
  const positive = (v: number | null) => (log && v !== null && v <= 0 ? null : v);
  return (
    <figure
      className="curve-chart"
      aria-label={`${LABELS[metric]} per epoch, training and validation`}
    >
      <figcaption>{LABELS[metric]}</figcaption>
      <ResponsiveContainer width="100%" height={170}>
        <LineChart
          data={
            log
              ? data.map((d) => ({
                  ...d,
                  train: positive(d.train),
                  validation: positive(d.validation),
                }))
              : data
          }
          margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis
            dataKey="epoch"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={false}
            tick={{ fontSize: 11 }}
          />
          <YAxis
            scale={log ? 'log' : 'auto'}
            domain={metric === 'acc' ? ACC_DOMAIN : AUTO_DOMAIN}
            tick={{ fontSize: 11 }}
            width={48}
            tickFormatter={(v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(2))}
            allowDataOverflow={log}
          />
          <Tooltip
            formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))}
            labelFormatter={(l) => `epoch ${l}`}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line
            type="monotone"
            dataKey="train"
            name="training"
            stroke="var(--accent)"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            type="monotone"
            dataKey="validation"
            name="validation"
            stroke="var(--k-activation)"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          {compare && (
            <Line
              type="monotone"
              dataKey="compare"
              name="compared run (validation)"
              stroke="var(--muted)"
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          )}
          {alerts.map((a) => (
            <ReferenceLine
              key={`${a.kind}-${a.epoch}`}
              x={a.epoch}
              stroke="var(--error)"
              strokeDasharray="2 2"
              label={{
                value: a.kind.replace('_', ' '),
                position: 'insideTopRight',
                fontSize: 10,
                fill: 'var(--error)',
              }}
              className="alert-marker"
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

export const CurveChart = memo(CurveChartView);
