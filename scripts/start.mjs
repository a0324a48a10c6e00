// `npm start`: launch the desktop app with the Electron binary, or say in one line why not.
// Never require('electron') here: with Electron 42+ that tries to download the binary.
import { existsSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function electronBinary() {
  const pkg = path.join(root, 'node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, exe ?? 'electron');
    return existsSync(p) ? p : null;
  }
  if (!exe) return null;
  const p = path.join(pkg, 'dist', exe);
  return existsSync(p) ? p : null;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const bin = electronBinary();
  if (!bin) {
    console.error('Layerlab: the Electron binary is not installed on this machine (node_modules/electron/dist is missing); run `npm run web` to use Layerlab in your browser instead.');
    process.exit(1);
  }
  const child = spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}
