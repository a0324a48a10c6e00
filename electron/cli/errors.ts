/** A failure shown as one line (`layerlab: …`) with its exit code. */
export const EXIT = {
  ok: 0,
  /** Bad data or files: unreadable, not ready to train, a project that cannot be used. */
  data: 1,
  /** Wrong arguments. */
  usage: 2,
  /** Training diverged. */
  diverged: 3,
  /** predict --on-bad-row fail met a row it cannot encode. */
  badRow: 4,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export const usage = (message: string): CliError => new CliError(message, EXIT.usage);
export const dataError = (message: string): CliError => new CliError(message, EXIT.data);

/** Any thrown value → a one-line message and exit code (AppError and DatasetError keep theirs). */
export function describeFailure(e: unknown): { message: string; code: number } {
  if (e instanceof CliError) return { message: e.message, code: e.code };
  const err = e as { code?: unknown; message?: unknown } | null;
  const message = typeof err?.message === 'string' ? err.message : String(e);
  const known = typeof err?.code === 'string' || e instanceof RangeError;
  return {
    message: known ? message : `unexpected error: ${message}`,
    code: EXIT.data,
  };
}
