import { describe, expect, it } from 'vitest';
import { serializeSvg, type NodeLike } from '../../../../renderer/charts/export/svg';

/** A plain element with a stylesheet-like computed style, as the live DOM would give it. */
type El = NodeLike & { style: Record<string, string> };
const el = (
  name: string,
  attrs: Record<string, string>,
  style: Record<string, string>,
  children: NodeLike[] = [],
): El => ({
  nodeType: 1,
  nodeName: name,
  textContent: null,
  attributes: Object.entries(attrs).map(([n, value]) => ({ name: n, value })),
  childNodes: children,
  style,
});
const text = (t: string): NodeLike => ({
  nodeType: 3,
  nodeName: '#text',
  textContent: t,
  childNodes: [],
});

const base = { fill: 'rgb(0, 0, 0)', 'font-size': '14px', 'font-family': 'sans-serif' };
const styleOf = (n: NodeLike) => (n as El).style;

function chart() {
  return el('svg', { class: 'chart', width: '200', height: '100', role: 'img' }, base, [
    el(
      'path',
      { d: 'M0,0L10,10', class: 'chart-line line-val', 'data-series': 'val' },
      { ...base, fill: 'none', stroke: 'rgb(239, 108, 0)', 'stroke-width': '1.5px' },
    ),
    el(
      'text',
      { x: '4', y: '8', 'text-anchor': 'end', class: 'tick' },
      { ...base, fill: 'rgb(107, 116, 133)', 'font-size': '10px', 'text-anchor': 'end' },
      [text('0.5 < 1 & "ok"')],
    ),
    el('line', { class: 'hidden' }, { ...base, display: 'none' }),
  ]);
}

const frame = {
  width: 200,
  height: 100,
  viewBox: null,
  background: 'rgb(255, 255, 255)',
  text: 'rgb(29, 35, 48)',
  font: 'sans-serif',
};

describe('a chart as a standalone SVG', () => {
  it('writes each element’s computed style onto it and drops the page’s classes', () => {
    const { svg } = serializeSvg(chart(), styleOf, frame);
    expect(svg).toContain(
      '<path d="M0,0L10,10" fill="none" stroke="rgb(239, 108, 0)" stroke-width="1.5px"/>',
    );
    expect(svg).not.toMatch(/class=|data-series|role=/);
    // The stylesheet is not needed: no <style>, no var(--…).
    expect(svg).not.toMatch(/<style|var\(/);
  });

  it('writes an attribute once, the computed value winning over the element’s own', () => {
    const { svg } = serializeSvg(chart(), styleOf, frame);
    const textTag = /<text x="4"[^>]*>/.exec(svg)![0];
    expect(textTag.match(/text-anchor=/g)).toHaveLength(1);
    expect(textTag).toContain('fill="rgb(107, 116, 133)"');
    expect(textTag).toContain('font-size="10px"');
  });

  it('does not repeat what an element inherits', () => {
    const { svg } = serializeSvg(chart(), styleOf, frame);
    // The font family is set once, on the document.
    expect(svg.match(/font-family=/g)).toHaveLength(1);
  });

  it('escapes text and leaves out elements that are not displayed', () => {
    const { svg } = serializeSvg(chart(), styleOf, frame);
    expect(svg).toContain('0.5 &lt; 1 &amp; &quot;ok&quot;');
    expect(svg).not.toContain('<line');
  });

  it('draws the title above and the legend below, and grows to hold them', () => {
    const out = serializeSvg(chart(), styleOf, {
      ...frame,
      title: 'Loss',
      legend: [
        { label: 'A train', color: 'rgb(59, 110, 245)', dashed: true },
        { label: 'A val', color: 'rgb(59, 110, 245)', dashed: false },
      ],
    });
    expect(out.width).toBe(200);
    expect(out.height).toBe(22 + 100 + 18 + 6);
    expect(out.svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="200" height="146"/,
    );
    expect(out.svg).toContain('>Loss</text>');
    expect(out.svg).toContain('>A train</text>');
    expect(out.svg.match(/stroke-dasharray="4 3"/g)).toHaveLength(1);
    expect(out.svg).toContain(
      '<rect x="0" y="0" width="200" height="146" fill="rgb(255, 255, 255)"/>',
    );
  });

  it('keeps a scaled chart’s viewBox on the frame that holds its drawing', () => {
    const { svg } = serializeSvg(chart(), styleOf, { ...frame, viewBox: '0 0 420 220' });
    expect(svg).toMatch(/<svg x="0" y="0" width="200" height="100" viewBox="0 0 420 220"/);
  });
});
