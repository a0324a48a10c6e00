/** Maps error codes from the contract to words a user understands (DEVELOPERS.md rule 6). */
import { AppError, type ErrorCode } from '../../electron/contract';

const PREFIX: Record<ErrorCode, string> = {
  BAD_REQUEST: 'That did not work',
  UNKNOWN_CHANNEL: 'This version of Layerlab cannot do that',
  NOT_FOUND: 'Not found',
  OUTSIDE_WORKSPACE: 'Outside the workspace',
  NOT_ALLOWED: 'Not allowed',
  TOO_LARGE: 'File too large',
  IO_ERROR: 'Could not read or write the file',
  CANCELLED: 'Cancelled',
  BAD_RESPONSE: 'The background service answered unexpectedly',
  DISCONNECTED: 'Lost the connection to the background service',
  INTERNAL: 'Something went wrong',
};

export function describeError(err: unknown): string {
  if (err instanceof AppError) return `${PREFIX[err.code]}: ${err.message}`;
  return `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
}
