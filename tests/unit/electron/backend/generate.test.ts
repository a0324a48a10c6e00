import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../../electron/backend/backend';
import { GrantedAccess } from '../../../../electron/backend/files/access';
import type { Platform } from '../../../../electron/backend/platform';

const platform: Platform = { mode: 'desktop', version: 'test', os: 'linux', workspace: null };

describe('datasets:generate', () => {
  it('loads a generated dataset like a CSV file: named by how it was made, with its classes', async () => {
    const b = createBackend(platform, new GrantedAccess());
    const r = await b.invoke('datasets:generate', {
      kind: 'circles',
      size: 120,
      noise: 0.1,
      seed: 2,
    });
    expect(r.ok).toBe(true);
    const s = (r as { ok: true; value: Record<string, unknown> }).value as {
      file: { name: string };
      rows: number;
      target: { name: string; task: string; classes: string[] };
    };
    expect(s.file.name).toBe('circles-n120-noise0.1-seed2.csv');
    expect(s.target).toMatchObject({
      name: 'class',
      task: 'classification',
      classes: ['inner', 'outer'],
    });
    await b.dispose();
  });

  it('refuses a size out of range with a message naming it', async () => {
    const b = createBackend(platform, new GrantedAccess());
    const r = await b.invoke('datasets:generate', { kind: 'xor', size: 3, noise: 0, seed: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((r as { ok: false; error: { message: string } }).error.message).toMatch(/at least 10/);
    await b.dispose();
  });
});
