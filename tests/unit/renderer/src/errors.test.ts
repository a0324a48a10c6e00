/** Why the browser-mode connection closed, in words the user reads in the app. */
import { describe, expect, it } from 'vitest';
import { describeClose, describeError } from '../../../../renderer/src/errors';
import { AppError } from '../../../../electron/contract';

describe('connection close reasons', () => {
  it('names a message that was too large, bad text, and a protocol breach', () => {
    expect(describeClose(1009)).toMatch(/^the last message was too large to send in one piece/);
    expect(describeClose(1007)).toMatch(/^the last message was not valid UTF-8 text/);
    expect(describeClose(1002)).toMatch(/^the last message broke the WebSocket protocol/);
  });

  it('says that the next request opens a new connection, and keeps an unknown code', () => {
    expect(describeClose(4000, 'bye')).toBe(
      'the Layerlab host closed the connection (code 4000: bye); try again, a new connection opens by itself',
    );
  });

  it('reads as one sentence behind the lost-connection prefix', () => {
    const err = new AppError(
      'DISCONNECTED',
      `The app's background service did not answer (${describeClose(1009)}).`,
    );
    expect(describeError(err)).toBe(
      "Lost the connection to the background service: The app's background service did not answer (the last message was too large to send in one piece; try again, a new connection opens by itself).",
    );
  });
});
