/** A few training rows before and after augmentation, as the network sees them (encoded). */
import { useState } from 'react';
import type { ResponseOf } from '../../../electron/contract';
import type { TrainSettings } from '../../../electron/contract/training';
import { usePlatform } from '../../src/platform';
import { describeError } from '../../src/errors';
import { useDataStore } from '../../store/data';
import { RowImage } from '../data/RowImage';

type Preview = ResponseOf<'training:previewAugment'>;
const COLUMNS = 6;

export function AugmentPreview({
  augment,
  seed,
}: {
  augment: NonNullable<TrainSettings['augment']>;
  seed: number;
}) {
  const { api } = usePlatform();
  const datasetId = useDataStore((s) => s.summary?.id ?? null);
  const range = useDataStore((s) => s.summary?.image ?? null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function show() {
    if (!datasetId) return;
    setError(null);
    try {
      setPreview(await api.invoke('training:previewAugment', { datasetId, augment, seed }));
    } catch (err) {
      setError(describeError(err));
    }
  }
  const cols = preview ? preview.featureNames.slice(0, COLUMNS) : [];
  return (
    <div className="augment-preview">
      <button
        type="button"
        onClick={() => void show()}
        disabled={!datasetId}
        title={datasetId ? undefined : 'Open a dataset first'}
      >
        Preview augmented rows
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {preview?.images && (
        <ImagePairs images={preview.images} lo={range?.lo ?? 0} hi={range?.hi ?? 1} />
      )}
      {preview && !preview.images && (
        <table aria-label="Augmentation preview">
          <thead>
            <tr>
              <th>Row</th>
              {cols.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.original.map((row, i) => (
              <tr key={i}>
                <td>
                  {i + 1}
                  <br />
                  <span className="muted">augmented</span>
                </td>
                {cols.map((_, j) => (
                  <td key={j}>
                    {row[j]!.toFixed(2)}
                    <br />
                    <span className="muted">{preview.augmented[i]![j]!.toFixed(2)}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Each previewed row as an image, before and after augmentation (the full pixel grid). */
function ImagePairs({
  images,
  lo,
  hi,
}: {
  images: NonNullable<Preview['images']>;
  lo: number;
  hi: number;
}) {
  const { width, height, channels } = images;
  const grid = { width, height, channels, lo, hi };
  const draw = (values: number[], label: string) => (
    <RowImage
      values={values}
      grid={grid}
      zoom={Math.max(2, Math.round(48 / Math.max(width, height)))}
      label={label}
    />
  );
  return (
    <figure className="image-rows" aria-label="Augmentation preview">
      <figcaption className="muted">
        Training rows as {width} × {height} images: original above, augmented below
      </figcaption>
      <ol>
        {images.original.map((row, i) => (
          <li key={i}>
            {draw(row, `Row ${i + 1}, original`)}
            {draw(images.augmented[i]!, `Row ${i + 1}, augmented`)}
            <span>row {i + 1}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
