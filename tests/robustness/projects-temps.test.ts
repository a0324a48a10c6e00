/**
 * Saves killed midway: a crash between writing ".NAME.HEX.tmp" and renaming it leaves that file
 * behind; the next start removes it — and only temporary files of ours, in folders we write.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GrantedAccess } from '../../electron/backend/files/access';
import type { AtomicFs } from '../../electron/backend/files/atomic';
import { projectHandlers } from '../../electron/backend/projects';
import { FakeSources, draftOf, env } from '../unit/electron/backend/projects/helpers';

let root: string;
let child: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'layerlab-crash-'));
  child = path.join(root, 'child.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'projects-save-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: child,
    logLevel: 'silent',
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the child until it stalls inside the write, then kills it; returns the temp file. */
async function killedMidSave(base: string, draftFile: string, which: string): Promise<string> {
  const p = spawn(process.execPath, [child, base, draftFile, which], { stdio: 'pipe' });
  let out = '';
  const stalled = await new Promise<string>((resolve, reject) => {
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /STALLED (.+)\n/.exec(out);
      if (m) resolve(m[1]!);
    });
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.once('exit', (code) =>
      reject(new Error(`the child exited (${code}) before stalling: ${out}`)),
    );
  });
  const gone = new Promise((r) => p.once('exit', r));
  p.kill('SIGKILL');
  await gone;
  return stalled;
}

const TEN_MINUTES_AGO = () => new Date(Date.now() - 10 * 60_000);
const age = (file: string) => utimesSync(file, TEN_MINUTES_AGO(), TEN_MINUTES_AGO());
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('saves killed midway', () => {
  it('leave no temporary file after the next start, and foreign look-alikes stay', async () => {
    const base = path.join(root, 'browser');
    const first = await env({}, base);
    await first.handlers['projects:save']({ path: 'p.layerlab', draft: draftOf() });
    const draftFile = path.join(base, 'draft.json');
    writeFileSync(draftFile, JSON.stringify(draftOf()));

    const left: string[] = [];
    for (const which of ['project', 'backup', 'autosave']) {
      left.push(await killedMidSave(base, draftFile, which));
    }
    // What a crash leaves: one hidden partial file per killed write.
    for (const file of left) expect(existsSync(file), file).toBe(true);
    expect(temps(first.workspace)).toHaveLength(2);
    expect(temps(first.recovery)).toHaveLength(1);
    left.forEach(age);

    // Names like ours that are not ours, a fresh save of another window, and folders we never
    // write to: all left alone.
    const ws = first.workspace;
    mkdirSync(path.join(ws, 'sub'));
    const foreign = [
      path.join(ws, '.notes.txt.0123456789ab.tmp'),
      path.join(ws, '.p.layerlab.not-hex-at-all.tmp'),
      path.join(ws, 'p.layerlab.0123456789ab.tmp'),
      path.join(ws, '.p.layerlab.0123456789abc.tmp'),
      path.join(ws, '.p.layerlab.0123456789ab.tmp.keep'),
      path.join(first.recovery, '.notes.layerlab.0123456789ab.tmp'),
    ];
    const elsewhere = path.join(base, 'elsewhere');
    mkdirSync(elsewhere);
    foreign.push(path.join(elsewhere, '.q.layerlab.0123456789ab.tmp'));
    for (const f of foreign) {
      writeFileSync(f, 'not ours');
      age(f);
    }
    const fresh = path.join(ws, 'sub', '.q.layerlab.abcdefabcdef.tmp');
    writeFileSync(fresh, 'a save still running');
    const linkTarget = path.join(elsewhere, 'target.txt');
    writeFileSync(linkTarget, 'kept');
    const link = path.join(ws, '.r.layerlab.fedcbafedcba.tmp');
    symlinkSync(linkTarget, link);
    mkdirSync(path.join(ws, '.s.layerlab.0123456789ab.tmp'));

    const next = await env({}, base);
    await next.handlers['projects:recoverable']({});

    for (const file of left) expect(existsSync(file), file).toBe(false);
    for (const f of [...foreign, fresh, link, linkTarget]) expect(existsSync(f), f).toBe(true);
    expect(existsSync(path.join(ws, '.s.layerlab.0123456789ab.tmp'))).toBe(true);
    // The previous version survived every crash.
    const opened = await next.handlers['projects:open']({ path: 'p.layerlab' });
    expect(opened.graph.nodes.length).toBeGreaterThan(0);
  });

  it('are cleaned in recent projects’ folders only (desktop)', async () => {
    const base = path.join(root, 'desktop');
    const known = path.join(base, 'known');
    const unknown = path.join(base, 'unknown');
    mkdirSync(known, { recursive: true });
    mkdirSync(unknown);
    // A failure after the temporary file was written, in a process that dies before cleaning up.
    const dying: AtomicFs = {
      open: (await import('node:fs/promises')).open,
      rename: async () => {
        throw Object.assign(new Error('killed'), { code: 'EIO' });
      },
      unlink: async () => undefined,
    };
    const desktop = (atomicFs?: AtomicFs) => {
      const access = new GrantedAccess();
      access.grant(path.join(known, 'p.layerlab'));
      access.grant(path.join(unknown, 'q.layerlab'));
      const handlers = projectHandlers(
        access,
        {
          mode: 'desktop',
          version: '0.1.0',
          workspace: null,
          recoveryDir: path.join(base, 'recovery'),
          projectFolders: () => [known],
        },
        new FakeSources(),
        { isAlive: () => false, ...(atomicFs ? { atomicFs } : {}) },
      );
      return handlers;
    };
    const crashing = desktop(dying);
    for (const file of [path.join(known, 'p.layerlab'), path.join(unknown, 'q.layerlab')]) {
      await expect(crashing['projects:save']({ path: file, draft: draftOf() })).rejects.toThrow();
    }
    expect(temps(known)).toHaveLength(1);
    expect(temps(unknown)).toHaveLength(1);
    for (const dir of [known, unknown]) for (const n of temps(dir)) age(path.join(dir, n));

    await desktop()['projects:recoverable']({});
    expect(temps(known)).toEqual([]);
    expect(temps(unknown)).toHaveLength(1);
  });
});
