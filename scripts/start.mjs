// `npm start`: launch the desktop app with the Electron binary, or say in one line why not.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { electronBinary } from './electron-binary.cjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = electronBinary();
if (!bin) {
  console.error(
    'Layerlab: the Electron binary is not installed on this machine (node_modules/electron/dist is missing); run `npm run web` to use Layerlab in your browser instead.',
  );
  process.exit(1);
}
const child = spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
