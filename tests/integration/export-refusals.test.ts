/**
 * exportProject refuses what it cannot export with one clear message naming the file, and never
 * leaves a partial folder or touches an existing one.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject, type ExportFormat } from '../../electron/backend/export';
import { writeFolderAtomically } from '../../electron/backend/export/write';
import { AppError } from '../../electron/contract';
import { saveTrainedProject } from './export-helpers';

let dir: string;
let project: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-export-refusals-'));
  ({ file: project } = await saveTrainedProject(dir, 'classification', { rows: 300, epochs: 3 }));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('exportProject refuses', () => {
  it('a project without trained weights, naming the file', async () => {
    const doc = JSON.parse(readFileSync(project, 'utf8'));
    doc.weights = null;
    const file = path.join(dir, 'untrained.layerlab');
    writeFileSync(file, JSON.stringify(doc));
    const out = path.join(dir, 'untrained-onnx');
    const err = await refusal(exportProject({ projectPath: file, format: 'onnx', outDir: out }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.message).toBe(
      '"untrained.layerlab" holds no trained weights: train the network and save the project, then export.',
    );
    expect(err.details).toEqual({ file: 'untrained.layerlab', problem: 'no_weights' });
    expect(readdirSync(dir)).not.toContain('untrained-onnx');
  });

  it('a project that is not a project file', async () => {
    const file = path.join(dir, 'notes.layerlab');
    writeFileSync(file, 'hello');
    const err = await refusal(
      exportProject({ projectPath: file, format: 'tfjs', outDir: path.join(dir, 'notes-tfjs') }),
    );
    expect(err.message).toContain('"notes.layerlab" cannot be opened');
  });

  it('an unknown format, listing the formats', async () => {
    const err = await refusal(
      exportProject({
        projectPath: project,
        format: 'caffe' as ExportFormat,
        outDir: path.join(dir, 'caffe'),
      }),
    );
    expect(err.message).toBe('"caffe" is not an export format; use onnx, tfjs, pytorch, keras.');
  });

  it('a folder that already holds files, leaving them as they were', async () => {
    const out = path.join(dir, 'taken');
    mkdirSync(out);
    writeFileSync(path.join(out, 'mine.txt'), 'keep me');
    const err = await refusal(exportProject({ projectPath: project, format: 'onnx', outDir: out }));
    expect(err.message).toContain('already exists and is not an empty folder');
    expect(readdirSync(out)).toEqual(['mine.txt']);
  });
});

describe('writing an export folder', () => {
  it('exports into an empty folder that already exists', async () => {
    const out = path.join(dir, 'empty');
    mkdirSync(out);
    const r = await exportProject({ projectPath: project, format: 'tfjs', outDir: out });
    expect(readdirSync(out).sort()).toEqual([...r.files].sort());
  });

  it('leaves nothing behind when a file cannot be written', async () => {
    const out = path.join(dir, 'broken');
    // "a" is written as a file, so "a/b" cannot be: the write fails midway.
    const files = [
      { path: 'a', data: 'x' },
      { path: 'a/b', data: 'y' },
    ];
    const err = await refusal(writeFolderAtomically(out, files));
    expect(err.code).toBe('IO_ERROR');
    expect(readdirSync(dir).filter((f) => f.includes('broken'))).toEqual([]);
  });
});
