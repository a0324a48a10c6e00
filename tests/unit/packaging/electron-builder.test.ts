/**
 * electron-builder.yml, checked with electron-builder's own loader and schema validator (the
 * full build cannot run here: it downloads Electron), plus the security-relevant settings.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../../..');
// app-builder-lib is electron-builder's engine, installed with it.
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

describe('electron-builder configuration', () => {
  it('passes electron-builder validation and sets up Layerlab for every platform', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.productName).toBe('Layerlab');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.win.target).toBe('nsis');
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'layerlab' })]);
  });

  it('disables RunAsNode and the Node CLI inspect flags with fuses, and ships no node_modules but gl', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
    });
    // Nothing in package.json is a runtime dependency (Vite and esbuild bundle it all) but the
    // optional native gl, which electron-builder collects (and rebuilds for Electron) with its
    // own dependencies; the files patterns must not exclude it.
    const pkg = require(path.join(root, 'package.json'));
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(Object.keys(pkg.optionalDependencies ?? {})).toEqual(['gl']);
    expect(JSON.stringify(config.files)).not.toContain('node_modules');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/gl/**']));
    expect(config.npmRebuild).toBe(true);
  });
});
