/**
 * A chart's SVG as a standalone file: every element's computed style written onto it as
 * presentation attributes (fill="rgb(…)", stroke-width="1.5px"), since the app's stylesheet and
 * its theme variables do not travel with the file; the chart's title above and its legend
 * below (they are HTML around the SVG in the app), on the theme's background.
 *
 * Works on a minimal node interface, so the same code serialises the live DOM and plain objects
 * in unit tests.
 */

export interface NodeLike {
  /** 1 element, 3 text. */
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  attributes?: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<NodeLike>;
}

/** The properties that decide how a chart looks, with the value that need not be written. */
export const STYLE_PROPS: Record<string, string | null> = {
  fill: null,
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-dasharray': 'none',
  'stroke-opacity': '1',
  opacity: '1',
  'font-family': null,
  'font-size': null,
  'font-weight': '400',
  'text-anchor': 'start',
  'dominant-baseline': 'auto',
};

export type StyleOf = (el: NodeLike) => Record<string, string>;

export interface LegendEntry {
  label: string;
  color: string;
  dashed: boolean;
}

export interface SvgFrame {
  width: number;
  height: number;
  /** The root's own viewBox, when it scales its drawing. */
  viewBox: string | null;
  background: string;
  text: string;
  font: string;
  title?: string;
  legend?: LegendEntry[];
}

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&apos;',
  );

/** Attributes the file keeps from the page: geometry and text, never classes or handlers. */
const DROPPED = /^(class|style|on.*|data-.*|aria-.*|role|tabindex)$/i;

/**
 * The style attributes an element needs: a property is written where it differs from what the
 * element inherits (its parent's value; opacity, which is not inherited, where it is not 1), and
 * never twice (the element's own attribute gives way to the computed value).
 */
function styleAttrs(style: Record<string, string>, parent: Record<string, string>) {
  const out: [string, string][] = [];
  for (const [prop, initial] of Object.entries(STYLE_PROPS)) {
    const v = style[prop];
    if (!v) continue;
    const inherited = prop === 'opacity' ? initial : (parent[prop] ?? initial);
    if (v !== inherited) out.push([prop, v]);
  }
  return out;
}

function element(node: NodeLike, styleOf: StyleOf, parent: Record<string, string>): string {
  if (node.nodeType === 3) return escapeXml(node.textContent ?? '');
  if (node.nodeType !== 1) return '';
  const style = styleOf(node);
  if (style.display === 'none' || style.visibility === 'hidden') return '';
  const name = node.nodeName.toLowerCase();
  const styled = styleAttrs(style, parent);
  const own = new Set(styled.map(([p]) => p));
  const attrs: string[] = [];
  for (const a of Array.from(node.attributes ?? [])) {
    if (DROPPED.test(a.name) || own.has(a.name)) continue;
    attrs.push(`${a.name}="${escapeXml(a.value)}"`);
  }
  for (const [prop, v] of styled) attrs.push(`${prop}="${escapeXml(v)}"`);
  const children = Array.from(node.childNodes)
    .map((c) => element(c, styleOf, style))
    .join('');
  const open = `<${name}${attrs.length ? ' ' + attrs.join(' ') : ''}`;
  return children ? `${open}>${children}</${name}>` : `${open}/>`;
}

const TITLE_H = 22;
const LEGEND_ROW = 18;

/** The standalone SVG document of `root`'s children inside `frame`, and its size. */
export function serializeSvg(
  root: NodeLike,
  styleOf: StyleOf,
  frame: SvgFrame,
): { svg: string; width: number; height: number } {
  const top = frame.title ? TITLE_H : 0;
  const legend = frame.legend ?? [];
  // Legend entries flow left to right, wrapping at the chart's width.
  const placed: { x: number; y: number; e: LegendEntry }[] = [];
  let x = 8;
  let row = 0;
  for (const e of legend) {
    const w = 26 + e.label.length * 6.5 + 14;
    if (x + w > frame.width && x > 8) {
      x = 8;
      row++;
    }
    placed.push({ x, y: top + frame.height + 14 + row * LEGEND_ROW, e });
    x += w;
  }
  const height = top + frame.height + (legend.length ? (row + 1) * LEGEND_ROW + 6 : 0);
  // The chart's own inherited style goes on the frame that holds its drawing.
  const rootStyle = styleOf(root);
  const rootAttrs = styleAttrs(rootStyle, {})
    .filter(([p]) => p !== 'font-family')
    .map(([p, v]) => ` ${p}="${escapeXml(v)}"`)
    .join('');
  const inner = Array.from(root.childNodes)
    .map((c) => element(c, styleOf, rootStyle))
    .join('');
  const font = `font-family="${escapeXml(frame.font)}"`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${frame.width}" height="${height}" viewBox="0 0 ${frame.width} ${height}" ${font}>`,
    `<rect x="0" y="0" width="${frame.width}" height="${height}" fill="${escapeXml(frame.background)}"/>`,
    frame.title
      ? `<text x="8" y="15" font-size="13px" font-weight="600" fill="${escapeXml(frame.text)}">${escapeXml(frame.title)}</text>`
      : '',
    `<svg x="0" y="${top}" width="${frame.width}" height="${frame.height}"${frame.viewBox ? ` viewBox="${escapeXml(frame.viewBox)}"` : ''}${rootAttrs} overflow="visible">${inner}</svg>`,
    ...placed.map(
      ({ x: lx, y, e }) =>
        `<g class="legend"><line x1="${lx}" x2="${lx + 20}" y1="${y - 4}" y2="${y - 4}" stroke="${escapeXml(e.color)}" stroke-width="2px"${e.dashed ? ' stroke-dasharray="4 3"' : ''}/>` +
        `<text x="${lx + 26}" y="${y}" font-size="11px" fill="${escapeXml(frame.text)}">${escapeXml(e.label)}</text></g>`,
    ),
    '</svg>',
  ].join('');
  return { svg, width: frame.width, height };
}
