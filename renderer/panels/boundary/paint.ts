/**
 * Painting the decision boundary: pure colour mapping (class and probability → RGB, a unit's
 * output → a diverging colour) and filling an RGBA buffer from the worker's grid, so the canvas
 * only receives one putImageData per frame.
 */

/** Class colours: the first two as in TensorFlow Playground (orange, blue), then more. */
export const CLASS_COLOURS: [number, number, number][] = [
  [245, 147, 34],
  [8, 119, 189],
  [46, 160, 67],
  [200, 60, 160],
  [120, 90, 200],
  [200, 60, 60],
  [30, 170, 170],
  [140, 140, 40],
];

const WHITE: [number, number, number] = [255, 255, 255];

export function classColour(cls: number): [number, number, number] {
  return CLASS_COLOURS[cls % CLASS_COLOURS.length]!;
}

/**
 * The cell colour for a predicted class with probability p among k classes: near white where
 * the model is unsure (p = 1/k), the class's full colour where it is certain (p = 1).
 */
export function cellColour(cls: number, p: number, k: number): [number, number, number] {
  const floor = 1 / Math.max(2, k);
  const t = Math.min(1, Math.max(0, (p - floor) / (1 - floor)));
  // Even an unsure cell keeps a tint of its class, so the boundary stays visible.
  const a = 0.25 + 0.65 * t;
  const c = classColour(cls);
  return [mix(WHITE[0], c[0], a), mix(WHITE[1], c[1], a), mix(WHITE[2], c[2], a)];
}

/** A unit's output scaled to 0..255 (its lowest to highest over the plane): orange → white → blue. */
export function unitColour(byte: number): [number, number, number] {
  const t = byte / 255;
  const [lo, hi] = [CLASS_COLOURS[0]!, CLASS_COLOURS[1]!];
  return t < 0.5
    ? [mix(lo[0], 255, t * 2), mix(lo[1], 255, t * 2), mix(lo[2], 255, t * 2)]
    : [mix(255, hi[0], t * 2 - 1), mix(255, hi[1], t * 2 - 1), mix(255, hi[2], t * 2 - 1)];
}

const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);

/** Bytes of a base64 string (the worker's grids travel so: a quarter of the JSON numbers). */
export function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const tables = new Map<number, Uint8Array>();

/** RGB of each class × probability byte for k classes, built once per k (frames come 5 a second). */
function colourTable(classes: number): Uint8Array {
  let table = tables.get(classes);
  if (table) return table;
  table = new Uint8Array(Math.max(2, classes) * 256 * 3);
  for (let c = 0; c < Math.max(2, classes); c++)
    for (let b = 0; b < 256; b++) table.set(cellColour(c, b / 255, classes), (c * 256 + b) * 3);
  tables.set(classes, table);
  return table;
}

/**
 * Fills `rgba` (width × height pixels) from a size × size grid of classes and probabilities
 * (row 0 at the top), nearest cell per pixel. A grid of `size` cells only (one axis) paints
 * vertical stripes. The colours of the 256 probability levels are looked up once per class.
 */
export function paintGrid(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  cls: Uint8Array,
  prob: Uint8Array,
  size: number,
  classes: number,
): void {
  const table = colourTable(classes);
  const twoD = cls.length >= size * size;
  for (let y = 0; y < height; y++) {
    const row = twoD ? Math.min(size - 1, Math.floor((y * size) / height)) : 0;
    for (let x = 0; x < width; x++) {
      const col = Math.min(size - 1, Math.floor((x * size) / width));
      const cell = row * size + col;
      const t = (cls[cell]! * 256 + prob[cell]!) * 3;
      const o = (y * width + x) * 4;
      rgba[o] = table[t]!;
      rgba[o + 1] = table[t + 1]!;
      rgba[o + 2] = table[t + 2]!;
      rgba[o + 3] = 255;
    }
  }
}

/** Fills `rgba` (side × side) from a unit's n × n output bytes. */
export function paintUnit(
  rgba: Uint8ClampedArray,
  side: number,
  bytes: Uint8Array,
  n: number,
): void {
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++) {
      const v = bytes[Math.floor((y * n) / side) * n + Math.floor((x * n) / side)]!;
      const [r, g, b] = unitColour(v);
      const o = (y * side + x) * 4;
      rgba[o] = r;
      rgba[o + 1] = g;
      rgba[o + 2] = b;
      rgba[o + 3] = 255;
    }
}

/** Pixel position of a plane coordinate v on an axis [lo, hi] drawn over `px` pixels. */
export function toPixel(v: number, lo: number, hi: number, px: number, flip = false): number {
  const t = (v - lo) / (hi - lo || 1);
  return (flip ? 1 - t : t) * px;
}

/** An axis value in the file's units where the axis has them. */
export function inUnits(v: number, axis: { center: number | null; scale: number | null }): number {
  return axis.center !== null && axis.scale !== null ? v * axis.scale + axis.center : v;
}
