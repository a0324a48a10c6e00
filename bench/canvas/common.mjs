// Shared by the canvas benchmarks: the browser-mode host on a temporary workspace, and Debian's
// Chromium with the project's usual flags (never the SwiftShader ones).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import chromiumFlags from '../../scripts/chromium.cjs';

const { chromiumArgs, chromiumPath } = chromiumFlags;

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Starts dist/electron/host.cjs on a fresh workspace holding `files` (copied from the repo). */
export function startHost(files = []) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'layerlab-bench-'));
  for (const f of files) cpSync(path.join(root, f), path.join(workspace, path.basename(f)));
  const dist = process.env.LAYERLAB_DIST
    ? path.resolve(process.env.LAYERLAB_DIST)
    : path.join(root, 'dist');
  const child = spawn(
    process.execPath,
    [path.join(dist, 'electron/host.cjs'), '--workspace', workspace],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /running at (\S+)/.exec(out);
      if (m)
        resolve({
          url: m[1],
          stop: () => (child.kill(), rmSync(workspace, { recursive: true, force: true })),
        });
    });
    child.on('exit', (code) => reject(new Error(`host exited ${code}`)));
  });
}

export function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
