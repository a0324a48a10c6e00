/**
 * Reading a model file to import (Electron-free, for the CLI and the app): the file and, for a
 * TF.js model.json, the weight shards it lists next to it, each size-checked before it is read;
 * zlib with an output cap for .keras archives. The engine does the parsing; its refusals become
 * AppErrors with the same message.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import {
  ImportError,
  importModel,
  MAX_MODEL_BYTES,
  sidecarFiles,
  type ImportedModel,
} from '../../../engine/interop/import';
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  serializeProject,
  type Project,
} from '../../../engine/graph/project';
import { AppError } from '../../contract';
import { DEFAULT_TRAIN_SETTINGS } from '../../contract/training';
import { APP_VERSION } from '../version';

export type { ImportedModel };

async function readCapped(
  abs: string,
  shown: string,
  budget: { left: number },
): Promise<Uint8Array> {
  const s = await stat(abs).catch(() => null);
  if (!s) throw new AppError('NOT_FOUND', `${shown}: no such file.`, { path: shown });
  if (!s.isFile()) throw new AppError('BAD_REQUEST', `${shown}: not a file.`, { path: shown });
  if (s.size > budget.left)
    throw new AppError(
      'TOO_LARGE',
      `${shown}: the model files would be more than ${MAX_MODEL_BYTES} bytes; that is the import limit.`,
      { path: shown, size: s.size, limit: MAX_MODEL_BYTES },
    );
  budget.left -= s.size;
  return new Uint8Array(await readFile(abs));
}

/** The engine's refusal as the boundary's error (the message is already the user's words). */
export function importFailure(e: unknown): unknown {
  if (!(e instanceof ImportError)) return e;
  return new AppError(e.code === 'TOO_LARGE' ? 'TOO_LARGE' : 'BAD_REQUEST', e.message, {
    problem:
      e.code === 'UNSUPPORTED'
        ? 'unsupported_model'
        : e.code === 'TOO_LARGE'
          ? 'too_large'
          : 'bad_model',
    ...e.details,
  });
}

/**
 * Imports the model at `abs` (shown as `shown` in messages). Shards are read from the folder of
 * model.json only: the engine accepts plain relative names, and the resolved path is checked to
 * stay inside that folder as well.
 */
export async function importModelFile(
  abs: string,
  shown = path.basename(abs),
  /** Checks a shard's absolute path against the caller's file policy (the app's FileAccess). */
  allow: (abs: string) => Promise<string> = async (p) => p,
): Promise<ImportedModel> {
  const name = path.basename(abs);
  const budget = { left: MAX_MODEL_BYTES };
  try {
    const bytes = await readCapped(abs, shown, budget);
    const dir = path.dirname(abs);
    const sidecars = new Map<string, Uint8Array>();
    for (const rel of sidecarFiles(name, bytes)) {
      const p = path.resolve(dir, rel);
      if (path.relative(dir, p).startsWith('..') || path.isAbsolute(path.relative(dir, p)))
        throw new AppError(
          'OUTSIDE_WORKSPACE',
          `${shown}: the weight file "${rel}" is outside its folder.`,
        );
      if (!sidecars.has(rel)) sidecars.set(rel, await readCapped(await allow(p), rel, budget));
    }
    return importModel({
      name,
      bytes,
      sidecars,
      inflateRaw: (data, maxBytes) =>
        new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes })),
    });
  } catch (e) {
    throw importFailure(e);
  }
}

/** A new project holding the imported graph and weights, no dataset (the app asks for one). */
export function importedProject(m: ImportedModel): Project {
  return {
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    app: { name: 'Layerlab', version: APP_VERSION },
    graph: m.graph,
    dataset: null,
    training: { ...DEFAULT_TRAIN_SETTINGS },
    runs: [],
    sweeps: [],
    weights: m.weights,
  };
}

export const importedProjectText = (m: ImportedModel): string =>
  serializeProject(importedProject(m));
