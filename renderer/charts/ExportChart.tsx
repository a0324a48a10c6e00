/**
 * "Export chart…": one small control on every chart. It opens a two-item menu, SVG or PNG; the
 * SVG stands alone (styles inlined, title and legend drawn in), the PNG is that SVG at 2×.
 */
import { memo, useEffect, useRef, useState, type RefObject } from 'react';
import { usePlatform } from '../src/platform';
import { chartImage, svgToPng } from './export/render';
import { fileStem, saveExport } from './export/save';
import './export/export.css';

function ExportChartView({
  target,
  title,
  name,
}: {
  /** The chart's figure: its first svg (or canvas) is what is exported. */
  target: RefObject<HTMLElement | null>;
  /** Drawn above the chart in the file. */
  title: string;
  /** What the file holds, after the project's name: "run-3-loss". */
  name: string;
}) {
  const platform = usePlatform();
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) =>
      menu.current && !menu.current.contains(e.target as Node) && setOpen(false);
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);

  const save = (kind: 'svg' | 'png') => {
    setOpen(false);
    const figure = target.current;
    if (!figure) return;
    // Read the chart now, before the picker covers the page.
    const image = chartImage(figure, title);
    void saveExport(platform, kind, fileStem(name), () =>
      kind === 'svg' ? image.svg : svgToPng(image.svg, image.width, image.height, 2),
    );
  };

  return (
    <div className="chart-export" ref={menu} data-export-control="">
      <button
        type="button"
        className="chart-export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        title="Save this chart as an SVG or PNG file"
        onClick={() => setOpen(!open)}
      >
        Export chart…
      </button>
      {open && (
        <div role="menu" aria-label={`Export ${title}`} className="chart-export-menu">
          <button type="button" role="menuitem" onClick={() => save('svg')}>
            SVG (vector)…
          </button>
          <button type="button" role="menuitem" onClick={() => save('png')}>
            PNG (image, 2×)…
          </button>
        </div>
      )}
    </div>
  );
}

export const ExportChart = memo(ExportChartView);
