// Where the Electron binary is, without require('electron') (Electron 42+ would try to download
// it on require). Returns null where none is installed, as on machines that cannot download it.
// CommonJS so that both scripts/start.mjs and the Playwright specs can load it.
const { existsSync, readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

exports.electronBinary = function electronBinary() {
  const pkg = path.join(root, 'node_modules/electron');
  const pathFile = path.join(pkg, 'path.txt');
  const exe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
  const p = path.join(dist, exe || 'electron');
  return existsSync(p) ? p : null;
};
