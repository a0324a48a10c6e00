/**
 * Startup cleanup of temporary files that saves killed midway left behind (a crash between
 * writing ".NAME.HEX.tmp" and renaming it). Only our exact temporary names, only for our own
 * targets, only in the folders we write: the recovery folder, and the folders of recent projects
 * (desktop) or the workspace (browser mode).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sweepStaleTemps } from '../files/atomic';
import type { ProjectPlatform } from './sources';

/** A save still running in another window or instance is younger than this. */
export const STALE_TEMP_MS = 5 * 60_000;

/** Autosaves (KEY.layerlab) and the recovery index. */
const recoveryTarget = (t: string) =>
  /^[A-Za-z0-9-]{8,64}\.layerlab$/.test(t) || t === 'index.json';
/** A project file or its backup. */
const projectTarget = (t: string) => /.\.layerlab(\.bak)?$/.test(t);

/** Browser mode: the workspace and its subfolders, a bounded walk (projects may be anywhere). */
async function workspaceFolders(root: string, maxDepth = 4, maxFolders = 500): Promise<string[]> {
  const out = [root];
  for (let i = 0; i < out.length && out.length < maxFolders; i++) {
    const dir = out[i]!;
    const depth = path.relative(root, dir).split(path.sep).filter(Boolean).length;
    if (depth >= maxDepth) continue;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      // Links are not followed; hidden folders and installed packages hold no projects of ours.
      if (!e.isDirectory() || e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (out.length >= maxFolders) break;
      out.push(path.join(dir, e.name));
    }
  }
  return out;
}

/** Removes stale temporary files of ours; returns the paths removed. */
export async function sweepProjectTemps(platform: ProjectPlatform, now: number): Promise<string[]> {
  const before = now - STALE_TEMP_MS;
  const removed = await sweepStaleTemps(platform.recoveryDir, {
    isOurTarget: recoveryTarget,
    before,
  });
  const folders =
    platform.mode === 'browser' && platform.workspace
      ? await workspaceFolders(platform.workspace)
      : ((await platform.projectFolders?.()) ?? []);
  const seen = new Set([path.resolve(platform.recoveryDir)]);
  for (const dir of folders) {
    const abs = path.resolve(dir);
    if (seen.has(abs)) continue;
    seen.add(abs);
    removed.push(...(await sweepStaleTemps(abs, { isOurTarget: projectTarget, before })));
  }
  return removed;
}
