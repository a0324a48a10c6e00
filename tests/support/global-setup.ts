/**
 * Builds the CLI and the benchmark runner once before the test files run. Test files run in
 * parallel: each rebuilding dist/electron/cli.cjs could replace the binary while another file
 * was running it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  const root = path.resolve(__dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--only', 'cli,bench'], {
    cwd: process.cwd(),
    stdio: 'inherit',
  });
}
