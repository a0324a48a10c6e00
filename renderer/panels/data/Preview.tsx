/**
 * The first rows of the file, as read (after delimiter, quote and header handling); when the
 * rows are images, drawn as images beside their label first.
 */
import { memo } from 'react';
import { RowImage } from './RowImage';
import { rowPixels, type RowImageShape } from './image';
import { VirtualTable } from './VirtualTable';

interface Props {
  name: string;
  header: string[];
  rows: string[][];
  /** The target column (its value is the caption of a drawn row). */
  target: string | null;
  image: RowImageShape | null;
}

export const Preview = memo(function Preview({ name, header, rows, target, image }: Props) {
  return (
    <>
      {image && <ImageRows header={header} rows={rows} target={target} image={image} />}
      <VirtualTable
        label={`Preview of ${name}`}
        header={header}
        rows={rows}
        cell={(r, j) => r[j] ?? ''}
      />
    </>
  );
});

/** Each preview row as a small image with its label. */
function ImageRows({
  header,
  rows,
  target,
  image,
}: Omit<Props, 'name'> & { image: RowImageShape }) {
  const t = target === null ? -1 : header.indexOf(target);
  const size = `${image.width} × ${image.height}${image.channels > 1 ? ` × ${image.channels}` : ''}`;
  return (
    <figure className="image-rows" aria-label="First rows as images">
      <figcaption className="muted">
        {image.columns.length} pixel columns drawn as {size} images
        {image.chosen ? ' (your “Rows are images” size)' : ''}, {fmt(image.lo)} white to{' '}
        {fmt(image.hi)} black
      </figcaption>
      <ol>
        {rows.map((r, i) => {
          const px = rowPixels(image, header, r);
          if (!px) return null;
          const label = t >= 0 ? (r[t] ?? '') : '';
          return (
            <li key={i}>
              <RowImage
                values={px}
                grid={image}
                zoom={Math.max(2, Math.round(40 / Math.max(image.width, image.height)))}
                label={`Row ${i + 1}${label ? `, ${target} ${label}` : ''}`}
              />
              <span>{label || `row ${i + 1}`}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(3);
}
