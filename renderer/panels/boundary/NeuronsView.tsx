/**
 * The units of the selected Dense or Activation node over the same plane (first 64), each a
 * small heat-map of its output (orange low, blue high) with its incoming weights as bars and a
 * mark when it is dead (ReLU never active) or saturated over the training points.
 */
import { plural } from '../../src/plural';
import { useEffect, useRef } from 'react';
import { NEURON_SIZE, type BoundaryNeurons } from '../../../electron/contract/boundary';
import { decodeBase64, paintUnit } from './paint';

const THUMB_PX = 48;

function Unit({ n, u }: { n: BoundaryNeurons; u: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const encoded = n.values[u]!;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(THUMB_PX, THUMB_PX);
    paintUnit(img.data, THUMB_PX, decodeBase64(encoded), NEURON_SIZE);
    ctx.putImageData(img, 0, 0);
  }, [encoded]);
  const w = n.weights[u] ?? [];
  const big = Math.max(1e-6, ...w.map(Math.abs));
  const state = n.dead[u] ? 'dead' : n.saturated[u] ? 'saturated' : null;
  return (
    <figure
      className={`neuron${state ? ` neuron-${state}` : ''}`}
      aria-label={`Unit ${u + 1}${state ? ` (${state})` : ''}`}
      title={`unit ${u + 1}: output ${n.lo[u]} … ${n.hi[u]}; incoming weights ${w.join(', ')}`}
    >
      <canvas ref={ref} width={THUMB_PX} height={THUMB_PX} />
      <svg
        className="neuron-weights"
        viewBox={`0 0 ${Math.max(1, w.length)} 10`}
        preserveAspectRatio="none"
      >
        {w.map((v, k) => (
          <rect
            key={k}
            x={k + 0.1}
            width={0.8}
            y={v >= 0 ? 5 - (5 * v) / big : 5}
            height={(5 * Math.abs(v)) / big}
            className={v >= 0 ? 'w-pos' : 'w-neg'}
          />
        ))}
      </svg>
      <figcaption>
        {u + 1}
        {state ? ` · ${state}` : ''}
      </figcaption>
    </figure>
  );
}

export function NeuronsView({ neurons }: { neurons: BoundaryNeurons }) {
  const pct = (v: number) => `${Math.round(v * 100)} %`;
  return (
    <section className="neurons" aria-label="Neurons of the selected node">
      <p className="muted">
        {neurons.nodeId}: {neurons.shown < neurons.units ? `first ${neurons.shown} of ` : ''}
        {plural(neurons.units, 'unit')} ({neurons.fn}) · dead {pct(neurons.deadShare)} · saturated{' '}
        {pct(neurons.saturatedShare)}
      </p>
      <div className="neuron-grid">
        {Array.from({ length: neurons.shown }, (_, u) => (
          <Unit key={u} n={neurons} u={u} />
        ))}
      </div>
    </section>
  );
}
