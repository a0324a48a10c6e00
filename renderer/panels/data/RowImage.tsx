/**
 * One row drawn as a small image: a <canvas> at the image's own size, scaled up by CSS with
 * nearest-neighbour sampling (image-rendering: pixelated), so a row costs one element.
 */
import { memo, useEffect, useRef } from 'react';
import { rgba } from './image';

/** The grid and the value range drawn from white (lo) to black (hi). */
export interface ImageGrid {
  width: number;
  height: number;
  channels: number;
  lo: number;
  hi: number;
}

interface Props {
  values: readonly number[];
  grid: ImageGrid;
  /** Screen pixels per image pixel. */
  zoom?: number;
  label: string;
}

export const RowImage = memo(function RowImage(props: Props) {
  const { values, grid, zoom = 4, label } = props;
  const { width, height, channels, lo, hi } = grid;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(rgba(values, width, height, channels, lo, hi), width), 0, 0);
  }, [values, width, height, channels, lo, hi]);
  return (
    <canvas
      ref={ref}
      className="row-image"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      style={{ width: width * zoom, height: height * zoom }}
    />
  );
});
