/**
 * The rows of a confusion-matrix cell: drawn as images when the rows are images, and as a
 * virtualised table (a cell may list hundreds of rows) with their file line numbers.
 */
import { memo, useMemo } from 'react';
import { useDataStore } from '../../store/data';
import { useTrainingStore } from '../../store/training';
import { RowImage } from '../data/RowImage';
import { VirtualTable } from '../data/VirtualTable';
import { rowImageShape, rowPixels } from '../data/image';

interface Row {
  line: number;
  values: string[];
}

/** Images beyond this many are left to the table (they would fill the panel). */
const MAX_IMAGES = 200;
/** Screen size of an image's longer side: an 8 × 8 digit at 48 px, not 24, to be read. */
const IMAGE_PX = 48;

export const CellRows = memo(function CellRows({
  listed,
}: {
  listed: { header: string[]; rows: Row[] };
}) {
  const summary = useDataStore((s) => s.summary);
  const augment = useTrainingStore((s) => s.settings.augment);
  const image = useMemo(() => rowImageShape(summary, augment), [summary, augment]);
  const header = useMemo(() => ['Line', ...listed.header], [listed.header]);
  const shown = listed.rows.slice(0, MAX_IMAGES);
  const zoom = image ? Math.max(1, Math.round(IMAGE_PX / Math.max(image.width, image.height))) : 1;
  return (
    <>
      {image && (
        <figure className="image-rows" aria-label="Rows in the chosen cell as images">
          <figcaption className="muted">
            {shown.length < listed.rows.length
              ? `The first ${shown.length} rows as images`
              : 'As images'}
            , with their file line
          </figcaption>
          <ol>
            {shown.map((r) => {
              const px = rowPixels(image, listed.header, r.values);
              return (
                px && (
                  <li key={r.line}>
                    <RowImage values={px} grid={image} zoom={zoom} label={`Line ${r.line}`} />
                    <span>line {r.line}</span>
                  </li>
                )
              );
            })}
          </ol>
        </figure>
      )}
      <VirtualTable
        label="Rows in the chosen cell"
        header={header}
        rows={listed.rows}
        rowKey={(r) => r.line}
        cell={(r, j) => (j === 0 ? r.line : r.values[j - 1])}
      />
    </>
  );
});
