/**
 * Writing an export folder all or nothing: the files go into a hidden sibling folder, which is
 * renamed into place only when every file is written; a failure leaves no partial folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportFile } from '../../../engine/interop';
import { AppError } from '../../contract';

export async function writeFolderAtomically(outDir: string, files: ExportFile[]): Promise<void> {
  const abs = path.resolve(outDir);
  const parent = path.dirname(abs);
  const existing = await stat(abs).catch(() => null);
  if (existing && (!existing.isDirectory() || (await readdir(abs)).length > 0))
    throw new AppError(
      'BAD_REQUEST',
      `"${outDir}" already exists and is not an empty folder; choose a new folder for the export.`,
      { path: outDir, problem: 'exists' },
    );
  await stat(parent).catch(() => {
    throw new AppError('NOT_FOUND', `The folder "${parent}" does not exist.`, { path: parent });
  });
  const temp = path.join(
    parent,
    `.${path.basename(abs)}.partial-${randomBytes(4).toString('hex')}`,
  );
  try {
    await mkdir(temp);
    for (const f of files) {
      const target = path.join(temp, f.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.data);
    }
    if (existing) await rmdir(abs);
    await rename(temp, abs);
  } catch (err) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    if (err instanceof AppError) throw err;
    throw new AppError(
      'IO_ERROR',
      `The export could not be written to "${outDir}": ${(err as Error).message}`,
      {
        path: outDir,
      },
    );
  }
}
