/** The `layerlab` binary (dist/electron/cli.cjs): see electron/cli/run.ts for the commands. */
import { runCli } from './cli/run';
import { nodeIo, quietOnClosedPipe } from './cli/io';

quietOnClosedPipe();
void runCli(process.argv.slice(2), nodeIo()).then((code) => {
  process.exitCode = code;
});
