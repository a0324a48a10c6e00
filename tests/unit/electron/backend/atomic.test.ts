import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../../electron/backend/files/atomic';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic file writes', () => {
  it('replaces the file and leaves no temporary file behind', async () => {
    const target = path.join(dir, 'net.layerlab');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['net.layerlab']);
  });

  it('keeps the previous file intact when the rename fails midway', async () => {
    const target = path.join(dir, 'net.layerlab');
    writeFileSync(target, 'precious');
    const failingRename = (async () => {
      throw Object.assign(new Error('EIO: simulated failure'), { code: 'EIO' });
    }) as unknown as typeof rename;
    await expect(
      writeFileAtomic(target, 'half-written', { open, rename: failingRename, unlink }),
    ).rejects.toThrow('simulated');
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['net.layerlab']);
  });

  it('keeps the previous file intact when the write itself fails', async () => {
    const target = path.join(dir, 'net.layerlab');
    writeFileSync(target, 'precious');
    const failingOpen = (async (...args: Parameters<typeof open>) => {
      const h = await open(...args);
      return new Proxy(h, {
        get(t, prop) {
          if (prop === 'writeFile')
            return async () =>
              Promise.reject(Object.assign(new Error('ENOSPC: disk full'), { code: 'ENOSPC' }));
          const v = Reflect.get(t, prop);
          return typeof v === 'function' ? v.bind(t) : v;
        },
      });
    }) as typeof open;
    await expect(
      writeFileAtomic(target, 'x'.repeat(1000), { open: failingOpen, rename, unlink }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['net.layerlab']);
  });
});
