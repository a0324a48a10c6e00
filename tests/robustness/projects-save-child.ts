/**
 * Child process for projects-temps.test.ts: saves (or autosaves) a project in browser mode and
 * stalls inside the chosen write after half the bytes are on disk, so the parent can kill it
 * there with SIGKILL — a crash in the middle of a save.
 *
 *   node child.cjs ROOT DRAFT.json project|backup|autosave
 */
import { readFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import type { AtomicFs } from '../../electron/backend/files/atomic';
import type { ProjectDraft } from '../../electron/contract/projects';
import { env } from '../unit/electron/backend/projects/helpers';

const [root, draftFile, which] = process.argv.slice(2) as [string, string, string];
const draft = JSON.parse(readFileSync(draftFile, 'utf8')) as ProjectDraft;
const stallOn = {
  project: /\.p\.layerlab\.[0-9a-f]+\.tmp$/,
  backup: /\.bak\./,
  autosave: /\.doc-/,
}[which as 'project' | 'backup' | 'autosave'];

const stalling: AtomicFs = {
  rename,
  unlink,
  open: (async (file: string, flags: string, mode?: number) => {
    const handle = await open(file, flags, mode);
    if (flags !== 'wx' || !stallOn.test(file)) return handle;
    handle.writeFile = async (data: string | Uint8Array) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      await handle.write(bytes.subarray(0, bytes.byteLength >> 1));
      await handle.sync();
      process.stdout.write(`STALLED ${file}\n`);
      setInterval(() => undefined, 1000);
      await new Promise(() => undefined);
    };
    return handle;
  }) as AtomicFs['open'],
};

async function main(): Promise<void> {
  const e = await env({ atomicFs: stalling }, root);
  if (which === 'autosave') {
    await e.handlers['projects:autosave']({ key: 'doc-crash-1', title: 'p', path: null, draft });
  } else {
    await e.handlers['projects:save']({ path: 'p.layerlab', draft });
  }
  process.stdout.write('DONE\n');
}

void main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
