/** Bundles child.ts once and runs it in a fresh Node process with --expose-gc. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

export interface ChildResult {
  ok: boolean;
  [key: string]: unknown;
}

export async function bundleChild(dir: string): Promise<string> {
  const out = path.join(dir, 'child.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'warning',
  });
  return out;
}

/**
 * The child's JSON line. A child that runs past `timeoutMs` is killed and reported as such (the
 * bound on time: a hang fails the test instead of stalling it).
 */
export function runChild(child: string, args: string[], timeoutMs = 120_000): ChildResult {
  const r = spawnSync(process.execPath, ['--expose-gc', child, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error || r.signal)
    return { ok: false, killed: true, signal: r.signal, error: String(r.error ?? '') };
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ChildResult;
  } catch {
    return { ok: false, crashed: `${r.stdout}\n${r.stderr}`.slice(0, 2000) };
  }
}
