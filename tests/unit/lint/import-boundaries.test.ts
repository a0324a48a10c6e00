/**
 * The architecture's import directions are ESLint rules; these tests prove each rule bites by
 * linting a one-line file placed (virtually) in each layer.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['engine/graph/compile.ts', "import { app } from 'electron';"],
    ['engine/train/fit.ts', "import { readFileSync } from 'fs';"],
    ['engine/train/fit.ts', "import { readFileSync } from 'node:fs';"],
    ['engine/layers/dense.ts', "import { useState } from 'react';"],
    ['engine/layers/dense.ts', "import { GPU } from 'gpu.js';"],
    ['engine/graph/validate.ts', "import { channels } from '../../electron/contract';"],
    ['engine/graph/validate.ts', "import { App } from '../../renderer/src/App';"],
    ['renderer/src/App.tsx', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/App.tsx', "import { readFile } from 'node:fs';"],
    ['renderer/src/App.tsx', "import { createBackend } from '../../electron/backend/backend';"],
    ['renderer/panels/Train.tsx', "import { fit } from '../../engine/train/fit';"],
    ['electron/backend/backend.ts', "import { dialog } from 'electron';"],
    ['electron/host.ts', "import { app } from 'electron';"],
    ['electron/main.ts', "import { App } from '../renderer/src/App';"],
    ['electron/contract.ts', "import { readFile } from 'node:fs';"],
  ])('refuses in %s: %s', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it('refuses a Node global in engine/', async () => {
    expect(
      await importErrors('engine/train/fit.ts', 'export const cwd = process.cwd();'),
    ).not.toEqual([]);
  });

  it.each([
    ['engine/backend/gpu/kernels.ts', "import { GPU } from 'gpu.js';"],
    ['engine/graph/validate.ts', "import { z } from 'zod';"],
    ['renderer/src/App.tsx', "import { channels } from '../../electron/contract';"],
    ['renderer/src/App.tsx', "import { createApi } from '../../electron/contract/client';"],
    ['renderer/src/App.tsx', "import { graphSchema } from '../../engine/graph/document';"],
    ['electron/main.ts', "import { app } from 'electron';"],
    ['electron/backend/backend.ts', "import { readFile } from 'node:fs/promises';"],
  ])('allows in %s: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
