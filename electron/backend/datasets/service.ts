/**
 * datasets:* handlers. Files are read through the FileAccess policy (workspace confinement in
 * browser mode, dialog grants in desktop mode); parsing yields to the event loop on big files
 * and reports progress as `datasets:progress` events; only the summary goes back.
 */
import path from 'node:path';
import type { EventOf, ParsedRequestOf, ResponseOf } from '../../contract';
import type { DatasetSummary } from '../../../engine/data/types';
import type { DatasetOptionsPatch, DatasetSummaryData } from '../../contract';
import type { FileAccess } from '../files/access';
import { streamCsvFile } from './read';
import { DatasetStore } from './store';
import { Uploads } from '../uploads';

/** Progress events only for files big enough to take a noticeable time. */
const PROGRESS_BYTES = 4 * 1024 * 1024;

type Emit = (payload: EventOf<'datasets:progress'>) => void;

// Compile-time check that the engine's summary fits the contract's schema.
const toWire = (s: DatasetSummary): DatasetSummaryData => s;

export function datasetHandlers(
  access: FileAccess,
  emit: Emit,
  store = new DatasetStore(),
  uploads = new Uploads(),
) {
  /** The one way a file on disk is loaded: streamed, progress events for big files. */
  async function loadFile(
    abs: string,
    file: string,
    options: DatasetOptionsPatch | undefined,
  ): Promise<DatasetSummaryData> {
    let big = false;
    let last = -1;
    const progress = (phase: EventOf<'datasets:progress'>['phase'], fraction: number) => {
      const f = Math.round(fraction * 100) / 100;
      if (big && (f !== last || fraction === 1)) emit({ file, phase, fraction: f });
      last = f;
    };
    // Streamed: the file is read and decoded piece by piece while it is parsed.
    const stream = await streamCsvFile(abs);
    big = stream.size >= PROGRESS_BYTES;
    return toWire(
      await store.load({
        name: file,
        size: stream.size,
        file: stream,
        options,
        onProgress: progress,
      }),
    );
  }

  return {
    async 'datasets:open'(
      req: ParsedRequestOf<'datasets:open'>,
    ): Promise<ResponseOf<'datasets:open'>> {
      const abs = await access.resolveRead(req.path);
      return loadFile(abs, path.basename(abs), req.options);
    },

    /** A file dropped on the window, uploaded in pieces: opened like a file on disk. */
    async 'datasets:openUpload'(
      req: ParsedRequestOf<'datasets:openUpload'>,
    ): Promise<ResponseOf<'datasets:openUpload'>> {
      const upload = await uploads.finish(req.id, 'dataset');
      try {
        return await loadFile(upload.path, upload.name, req.options);
      } finally {
        await upload.discard();
      }
    },

    async 'datasets:openText'(
      req: ParsedRequestOf<'datasets:openText'>,
    ): Promise<ResponseOf<'datasets:openText'>> {
      const name = path.basename(req.name);
      return toWire(
        await store.load({
          name,
          size: Buffer.byteLength(req.text, 'utf8'),
          text: req.text,
          textEncoding: req.encoding,
          options: req.options,
        }),
      );
    },

    async 'datasets:configure'(
      req: ParsedRequestOf<'datasets:configure'>,
    ): Promise<ResponseOf<'datasets:configure'>> {
      return toWire(await store.configure(req.id, req.options));
    },

    async 'datasets:setTestFile'(
      req: ParsedRequestOf<'datasets:setTestFile'>,
    ): Promise<ResponseOf<'datasets:setTestFile'>> {
      if (req.path === null) return toWire(await store.setTestFile(req.id, null));
      const abs = await access.resolveRead(req.path);
      const stream = await streamCsvFile(abs);
      return toWire(
        await store.setTestFile(req.id, {
          name: path.basename(abs),
          size: stream.size,
          file: stream,
        }),
      );
    },

    async 'datasets:close'(
      req: ParsedRequestOf<'datasets:close'>,
    ): Promise<ResponseOf<'datasets:close'>> {
      return { closed: store.close(req.id) };
    },
  };
}
