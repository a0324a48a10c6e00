/**
 * The browser-mode host under hostile input: hand-built WebSocket frames over a raw TCP socket.
 * After each bad frame the host must close that connection with a close code and still answer
 * a valid request on a new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MAX_FRAME_BYTES, startHost, type RunningHost } from '../../electron/host';

let host: RunningHost;
let dir: string;
/** Errors nobody handled (an 'error' event without a listener ends a real host process). */
const uncaught: string[] = [];
const record = (err: unknown) => uncaught.push(err instanceof Error ? err.message : String(err));

beforeAll(async () => {
  process.on('uncaughtException', record);
  dir = mkdtempSync(path.join(tmpdir(), 'layerlab-robust-'));
  const workspace = path.join(dir, 'workspace');
  const staticDir = path.join(dir, 'static');
  mkdirSync(workspace);
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Layerlab</title>');
  host = await startHost({ workspace, staticDir });
});

afterAll(async () => {
  process.off('uncaughtException', record);
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw socket after a successful WebSocket handshake; `read()` collects what comes back. */
async function handshake(): Promise<{ socket: net.Socket; received: () => Buffer }> {
  const socket = net.connect(host.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const hostHeader = `127.0.0.1:${host.port}`;
  socket.write(
    [
      `GET /ws?token=${host.token} HTTP/1.1`,
      `Host: ${hostHeader}`,
      `Origin: http://${hostHeader}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  let data = Buffer.alloc(0);
  socket.on('data', (d) => (data = Buffer.concat([data, d])));
  socket.on('error', () => undefined); // the host may reset it after closing
  await until(() => data.includes('\r\n\r\n'));
  expect(data.toString('latin1')).toMatch(/^HTTP\/1\.1 101 /);
  const headerEnd = data.indexOf('\r\n\r\n') + 4;
  return { socket, received: () => data.subarray(headerEnd) };
}

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 5));
}

interface FrameSpec {
  opcode: number;
  payload: Buffer;
  masked?: boolean;
  rsv1?: boolean;
  /** Announce this length instead of the payload's (a header only). */
  lengthOverride?: bigint;
}

/** One client frame, built by hand (masked unless told otherwise). */
function frame(spec: FrameSpec): Buffer {
  const masked = spec.masked ?? true;
  const len = spec.lengthOverride ?? BigInt(spec.payload.length);
  const first = 0x80 | (spec.rsv1 ? 0x40 : 0) | spec.opcode;
  let header: Buffer;
  if (len < 126n) header = Buffer.from([first, Number(len)]);
  else if (len < 65536n) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = 126;
    header.writeUInt16BE(Number(len), 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = 127;
    header.writeBigUInt64BE(len, 2);
  }
  if (masked) header[1]! |= 0x80;
  if (!masked) return Buffer.concat([header, spec.payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(spec.payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= mask[i & 3]!;
  return Buffer.concat([header, mask, body]);
}

/** The close code of the first close frame the server sent (server frames are unmasked). */
function closeCodeIn(data: Buffer): number | null {
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = data[at]! & 0x0f;
    let len = data[at + 1]! & 0x7f;
    let start = at + 2;
    if (len === 126) {
      len = data.readUInt16BE(at + 2);
      start += 2;
    } else if (len === 127) {
      len = Number(data.readBigUInt64BE(at + 2));
      start += 8;
    }
    if (opcode === 0x8) return len >= 2 ? data.readUInt16BE(start) : 1005;
    at = start + len;
  }
  return null;
}

/** Sends the bytes, then waits for the host to close this socket; returns the close code. */
async function sendAndExpectClose(bytes: Buffer | (() => Promise<void>)): Promise<number | null> {
  const { socket, received } = await handshake();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  if (typeof bytes === 'function') await bytes.call(socket);
  else socket.write(bytes);
  const code = await Promise.race([
    until(() => closeCodeIn(received()) !== null).then(() => closeCodeIn(received())),
    closed.then(() => closeCodeIn(received())),
  ]);
  socket.destroy();
  return code;
}

/** A valid request on a brand-new connection, through the real handshake. */
async function stillServes(): Promise<void> {
  const { socket, received } = await handshake();
  socket.write(
    frame({ opcode: 0x1, payload: Buffer.from('{"id":1,"channel":"app:info","payload":{}}') }),
  );
  await until(() => received().includes('"result"'));
  expect(received().toString('utf8')).toContain('"ok":true,"value":{"name":"Layerlab"');
  expect(uncaught).toEqual([]);
  socket.destroy();
}

describe('browser-mode host under malformed WebSocket frames', () => {
  const cases: Array<{ name: string; bytes: () => Buffer; code: number }> = [
    {
      name: 'a text frame that is not UTF-8',
      bytes: () => frame({ opcode: 0x1, payload: Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0x7d]) }),
      code: 1007,
    },
    {
      name: 'an unmasked client frame',
      bytes: () => frame({ opcode: 0x1, payload: Buffer.from('{"id":1}'), masked: false }),
      code: 1002,
    },
    {
      name: 'RSV1 set without a negotiated extension',
      bytes: () => frame({ opcode: 0x1, payload: Buffer.from('{"id":1}'), rsv1: true }),
      code: 1002,
    },
    {
      name: 'the reserved opcode 0x3',
      bytes: () => frame({ opcode: 0x3, payload: Buffer.from('x') }),
      code: 1002,
    },
    {
      name: 'a length header of 2^62 bytes',
      bytes: () => frame({ opcode: 0x2, payload: Buffer.alloc(0), lengthOverride: 1n << 62n }),
      code: 1009,
    },
    {
      name: 'a header announcing one byte more than the largest message',
      bytes: () =>
        frame({
          opcode: 0x1,
          payload: Buffer.alloc(0),
          lengthOverride: BigInt(MAX_FRAME_BYTES + 1),
        }),
      code: 1009,
    },
  ];

  for (const c of cases) {
    it(`closes the connection after ${c.name} (code ${c.code}) and keeps serving`, async () => {
      expect(await sendAndExpectClose(c.bytes())).toBe(c.code);
      await stillServes();
    });
  }

  it('closes the connection after a real frame over the largest message and keeps serving', async () => {
    // Sent as a stream of pieces: the payload is generated here, never stored.
    const size = MAX_FRAME_BYTES + 1024;
    const code = await sendAndExpectClose(async function (this: net.Socket) {
      const mask = randomBytes(4);
      const header = Buffer.alloc(14);
      header[0] = 0x81;
      header[1] = 0x80 | 127;
      header.writeBigUInt64BE(BigInt(size), 2);
      mask.copy(header, 10);
      this.write(header);
      const piece = Buffer.alloc(1024 * 1024); // 'a' masked; the mask repeats every 4 bytes
      for (let i = 0; i < piece.length; i++) piece[i] = 0x61 ^ mask[i & 3]!;
      for (let sent = 0; sent < size && !this.destroyed; sent += piece.length) {
        if (!this.write(piece))
          await new Promise<void>((r) => {
            this.once('drain', r);
            this.once('close', r);
          });
      }
    });
    expect(code).toBe(1009);
    await stillServes();
  });

  it('keeps answering a connection that was open while another one sent a bad frame', async () => {
    const bystander = await handshake();
    expect(await sendAndExpectClose(frame({ opcode: 0x3, payload: Buffer.from('x') }))).toBe(1002);
    bystander.socket.write(
      frame({ opcode: 0x1, payload: Buffer.from('{"id":9,"channel":"app:info","payload":{}}') }),
    );
    await until(() => bystander.received().includes('"id":9'));
    expect(bystander.received().toString('utf8')).toContain('"ok":true');
    bystander.socket.destroy();
    expect(uncaught).toEqual([]);
  });

  it('refuses a request with two Host headers (400), static file or WebSocket', async () => {
    const hostHeader = `127.0.0.1:${host.port}`;
    for (const target of ['/', `/ws?token=${host.token}`]) {
      const reply = await rawHttp(
        [
          `GET ${target} HTTP/1.1`,
          `Host: ${hostHeader}`,
          `Host: ${hostHeader}`,
          `Origin: http://${hostHeader}`,
          ...(target.startsWith('/ws')
            ? [
                'Upgrade: websocket',
                'Connection: Upgrade',
                `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
                'Sec-WebSocket-Version: 13',
              ]
            : ['Connection: close']),
          '',
          '',
        ].join('\r\n'),
      );
      expect(reply, target).toMatch(/^HTTP\/1\.1 400 /);
    }
    await stillServes();
  });

  it('answers a request that is not HTTP with 400 and keeps serving', async () => {
    expect(await rawHttp('\x16\x03\x01 not http at all\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    await stillServes();
  });
});

/** Writes raw bytes, returns everything the host answered until it closed the socket. */
function rawHttp(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => {
      out += d.toString('latin1');
      if (out.includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}
