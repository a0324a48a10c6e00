/**
 * Which shape the Data panel draws rows in, and the pixel values of a row of file cells.
 * Plain functions, outside React: the preview, the confusion-cell rows and the augmentation
 * preview all use them.
 */
import type { DatasetSummaryData } from '../../../electron/contract';
import type { TrainSettings } from '../../../electron/contract/training';

export interface RowImageShape {
  width: number;
  height: number;
  channels: number;
  /** Names of the pixel columns, in file order. */
  columns: string[];
  /** Value range of the pixels: lo is drawn white, hi black (ink on paper). */
  lo: number;
  hi: number;
  /** The user's "Rows are images" size (true) or the detected square (false). */
  chosen: boolean;
}

/**
 * The detected image of the summary, with the user's "Rows are images" width × height ×
 * channels when it covers the same pixel columns; null when the rows are no image.
 */
export function rowImageShape(
  summary: Pick<DatasetSummaryData, 'image'> | null,
  augment: TrainSettings['augment'] | null | undefined,
): RowImageShape | null {
  const found = summary?.image;
  if (!found) return null;
  const user = augment?.image;
  if (user && user.width * user.height * user.channels === found.columns.length)
    return {
      ...found,
      width: user.width,
      height: user.height,
      channels: user.channels,
      chosen: true,
    };
  return { ...found, chosen: false };
}

/**
 * The pixel values of a row of file cells (`header` names the cells), or null when a pixel
 * column is missing. Empty or unreadable cells are drawn as `lo`.
 */
export function rowPixels(
  shape: RowImageShape,
  header: readonly string[],
  cells: readonly string[],
): number[] | null {
  const out: number[] = [];
  for (const name of shape.columns) {
    const i = header.indexOf(name);
    if (i < 0) return null;
    const v = Number(cells[i]);
    out.push(cells[i]?.trim() && Number.isFinite(v) ? v : shape.lo);
  }
  return out;
}

/**
 * RGBA bytes of a pixel row (channel-last, value (r, c, k) at (r·W + c)·C + k). One channel is
 * drawn in grey, g = 255·(1 − (v − lo)/(hi − lo)), so high values are dark like ink; three or
 * more channels are red, green, blue with v = hi at full intensity.
 */
export function rgba(
  values: ArrayLike<number>,
  width: number,
  height: number,
  channels: number,
  lo: number,
  hi: number,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  const span = hi > lo ? hi - lo : 1;
  for (let p = 0; p < width * height; p++) {
    const at = (k: number) => ((values[p * channels + k] ?? lo) - lo) / span;
    if (channels >= 3) {
      out[p * 4] = 255 * at(0);
      out[p * 4 + 1] = 255 * at(1);
      out[p * 4 + 2] = 255 * at(2);
    } else {
      const g = 255 * (1 - at(0));
      out[p * 4] = out[p * 4 + 1] = out[p * 4 + 2] = g;
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}
