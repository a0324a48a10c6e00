/**
 * A chart on the page as an SVG or PNG file: the live DOM read into a standalone SVG (see
 * svg.ts), a PNG drawn from that SVG at 2× (or from a canvas chart's own pixels).
 */
import { serializeSvg, STYLE_PROPS, type LegendEntry, type NodeLike } from './svg';

const styleOf = (el: NodeLike): Record<string, string> => {
  const cs = getComputedStyle(el as unknown as Element);
  const out: Record<string, string> = { display: cs.display, visibility: cs.visibility };
  for (const p of Object.keys(STYLE_PROPS)) out[p] = cs.getPropertyValue(p);
  return out;
};

/** The first non-transparent background behind an element (the theme's panel colour). */
function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const c = getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#ffffff';
}

/** Legend entries of a chart: elements marked `.legend-item` or `[data-legend]`, in their colour. */
function legendOf(figure: Element): LegendEntry[] {
  return Array.from(figure.querySelectorAll('.legend-item, [data-legend]')).map((el) => ({
    label: el.getAttribute('data-legend') ?? el.textContent?.trim() ?? '',
    color: getComputedStyle(el).color,
    dashed: el.classList.contains('line-compare') || el.hasAttribute('data-dashed'),
  }));
}

export interface ChartImage {
  svg: string;
  width: number;
  height: number;
}

/** The chart inside `figure` (its first svg or canvas) as a standalone SVG document. */
export function chartImage(figure: HTMLElement, title: string): ChartImage {
  const svg = figure.querySelector('svg');
  const canvas = svg ? null : figure.querySelector('canvas');
  const drawn = (svg ?? canvas) as Element | null;
  if (!drawn) throw new Error('This chart has nothing drawn yet.');
  const box = drawn.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const frame = {
    width,
    height,
    viewBox: svg?.getAttribute('viewBox') ?? null,
    background: backgroundOf(figure),
    text: getComputedStyle(figure).color,
    font: getComputedStyle(figure).fontFamily,
    title,
    legend: legendOf(figure),
  };
  let root: NodeLike;
  if (svg) root = svg as unknown as NodeLike;
  else {
    // A canvas chart: its pixels as an embedded image, inside the same frame.
    const img = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    image.setAttribute('width', String(width));
    image.setAttribute('height', String(height));
    image.setAttribute('href', canvas!.toDataURL('image/png'));
    img.appendChild(image);
    root = img as unknown as NodeLike;
  }
  return serializeSvg(root, styleOf, frame);
}

/** PNG bytes (base64) of an SVG document drawn at `scale`. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<string> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This window cannot draw images (no 2-D canvas).');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
}
