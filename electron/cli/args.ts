/** Flag parsing shared by the commands: one-line usage errors (exit code 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usage } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `argv` (after the command name) strictly; --help/-h is always known. */
export function parseFlags<O extends Options>(argv: string[], options: O, command: string) {
  const all = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: all,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (e) {
    const m = (e as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(m);
    if (unknown) throw usage(`unknown option ${unknown[1]} (run layerlab ${command} --help)`);
    const missing = /Option '(-\w, )?(--[a-z-]+)/.exec(m);
    throw usage(missing ? `${missing[2]} needs a value` : m.split('\n')[0]!);
  }
}

/** A number flag checked against a rule; undefined when not given. */
export function num(
  name: string,
  raw: string | boolean | undefined,
  ok: (v: number) => boolean,
  rule: string,
): number | undefined {
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const v = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(v) || !ok(v)) throw usage(`--${name} must be ${rule}, got "${raw}"`);
  return v;
}

export const whole = (n: number) => Number.isInteger(n) && n >= 1;

export function oneOf<T extends string>(
  name: string,
  raw: string | boolean | undefined,
  allowed: readonly T[],
): T | undefined {
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  if (!(allowed as readonly string[]).includes(raw))
    throw usage(`--${name} must be ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

export const str = (raw: string | boolean | undefined): string | undefined =>
  typeof raw === 'string' ? raw : undefined;

/** No stray positional arguments after the command. */
export function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw usage(`unexpected argument "${positionals[0]}"`);
}
