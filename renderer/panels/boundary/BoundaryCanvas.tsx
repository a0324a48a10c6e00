/**
 * One <canvas> for the boundary: the class heat-map as ImageData (classification) or the
 * prediction's curve (regression), then the points — training filled, validation hollow, the
 * misclassified crossed. Repaints only when a new frame arrives (≤ 5 a second).
 */
import { useEffect, useRef } from 'react';
import type { BoundaryFrame } from '../../../electron/contract/boundary';
import { classColour, decodeBase64, paintGrid, toPixel } from './paint';

export const CANVAS_PX = 256;

function paintClassification(ctx: CanvasRenderingContext2D, f: BoundaryFrame): void {
  const img = ctx.createImageData(CANVAS_PX, CANVAS_PX);
  const classes = f.classNames?.length ?? 2;
  paintGrid(
    img.data,
    CANVAS_PX,
    CANVAS_PX,
    decodeBase64(f.cls!),
    decodeBase64(f.prob!),
    f.size,
    classes,
  );
  ctx.putImageData(img, 0, 0);
}

function paintRegression(ctx: CanvasRenderingContext2D, f: BoundaryFrame): [number, number] {
  const values = f.values ?? [];
  let lo = Math.min(...values, ...f.points.y);
  let hi = Math.max(...values, ...f.points.y);
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, CANVAS_PX, CANVAS_PX);
  ctx.strokeStyle = '#0877bd';
  ctx.lineWidth = 2;
  ctx.beginPath();
  values.forEach((v, i) => {
    const x = ((i + 0.5) / values.length) * CANVAS_PX;
    const y = toPixel(v, lo, hi, CANVAS_PX, true);
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
  return [lo, hi];
}

function paintPoints(
  ctx: CanvasRenderingContext2D,
  f: BoundaryFrame,
  yRange: [number, number] | null,
) {
  const [ax, ay] = [f.axes[0]!, f.axes[1]];
  const p = f.points;
  for (let i = 0; i < p.x.length; i++) {
    const x = toPixel(p.x[i]!, ax.lo, ax.hi, CANVAS_PX);
    const y = yRange
      ? toPixel(p.y[i]!, yRange[0], yRange[1], CANVAS_PX, true)
      : ay
        ? toPixel(p.y[i]!, ay.lo, ay.hi, CANVAS_PX, true)
        : CANVAS_PX / 2;
    const [r, g, b] = f.task === 'classification' ? classColour(p.target[i]!) : [80, 80, 80];
    ctx.beginPath();
    ctx.arc(x, y, 3, 0, 2 * Math.PI);
    ctx.lineWidth = 1.5;
    if (p.validation[i]) {
      ctx.strokeStyle = `rgb(${r},${g},${b})`;
      ctx.stroke();
    } else {
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fill();
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.lineWidth = 0.8;
      ctx.stroke();
    }
    if (p.wrong[i]) {
      ctx.strokeStyle = '#222';
      ctx.lineWidth = 1.2;
      ctx.beginPath();
      ctx.moveTo(x - 3.5, y - 3.5);
      ctx.lineTo(x + 3.5, y + 3.5);
      ctx.moveTo(x + 3.5, y - 3.5);
      ctx.lineTo(x - 3.5, y + 3.5);
      ctx.stroke();
    }
  }
}

export function BoundaryCanvas({
  frame,
  showPoints,
}: {
  frame: BoundaryFrame;
  showPoints: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    let yRange: [number, number] | null = null;
    if (frame.task === 'classification' && frame.cls && frame.prob) paintClassification(ctx, frame);
    else yRange = paintRegression(ctx, frame);
    if (showPoints) paintPoints(ctx, frame, yRange);
  }, [frame, showPoints]);
  const label =
    frame.task === 'classification'
      ? `Decision boundary over ${frame.axes.map((a) => a.label).join(' and ')}, epoch ${frame.epoch}`
      : `Prediction along ${frame.axes[0]?.label}, epoch ${frame.epoch}`;
  return (
    <canvas
      ref={ref}
      className="boundary-canvas"
      width={CANVAS_PX}
      height={CANVAS_PX}
      role="img"
      aria-label={label}
      data-epoch={frame.epoch}
    />
  );
}
