/**
 * Errors that cross a boundary as `{ code, message, details }`. Kept apart from the zod schemas
 * (contract.ts re-exports everything here) so that small bundles such as the CSV worker can
 * throw them without carrying zod.
 */
export const ERROR_CODES = [
  'BAD_REQUEST', // the payload did not match the channel's schema
  'UNKNOWN_CHANNEL',
  'NOT_FOUND', // a file or folder that does not exist
  'OUTSIDE_WORKSPACE', // a path that leaves the allowed folder
  'NOT_ALLOWED', // a path the user never chose, or an operation this mode cannot do
  'TOO_LARGE',
  'IO_ERROR',
  'CANCELLED',
  'BAD_RESPONSE', // the other side answered something that does not match the contract
  'DISCONNECTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** An error that keeps its code when it crosses a process or socket boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toJSON(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
  static from(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.details);
  }
}
