/** Maps error codes from the contract, and why a connection closed, to words a user understands. */
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

/**
 * Why the browser-mode host closed the WebSocket, from its close code (RFC 6455 section 7.4):
 * the host closes only the offending connection, and the next request opens a new one.
 */
export function describeClose(code: number, reason = ''): string {
  const why =
    code === 1009
      ? 'the last message was too large to send in one piece'
      : code === 1007
        ? 'the last message was not valid UTF-8 text'
        : code === 1002
          ? 'the last message broke the WebSocket protocol'
          : code === 1001 || code === 1006
            ? 'the Layerlab host stopped or the network dropped'
            : `the Layerlab host closed the connection (code ${code}${reason ? `: ${reason}` : ''})`;
  return `${why}; try again, a new connection opens by itself`;
}
