/**
 * Browser mode: serves the built renderer and the same backend over a WebSocket, on 127.0.0.1
 * only. A per-launch secret token in the printed URL is required to open the socket, the
 * Origin and Host headers are checked (against other sites and DNS rebinding), static files
 * are confined to the build folder, and every file path is confined to one workspace folder.
 *
 *   node dist/electron/host.cjs [--port N] [--workspace DIR] [--static DIR]
 */
import http from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError, WS_PATH, wsRequestSchema, type WsMessage } from './contract';
import { createBackend, type Backend } from './backend/backend';
import { WorkspaceAccess } from './backend/files/access';
import { contentSecurityPolicy } from './backend/security';
import { APP_VERSION } from './backend/version';

export interface HostOptions {
  port?: number;
  workspace: string;
  staticDir: string;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Where autosaves go; default: a folder per workspace in the system's temp dir. */
  recoveryDir?: string;
  /** The built training worker; default: training-worker.cjs beside this file. */
  workerPath?: string;
  /** The built CSV worker; default: csv-worker.cjs beside this file (in-process when absent). */
  csvWorkerPath?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
};

/**
 * The largest WebSocket message the host accepts. Files never travel as one message (they are
 * uploaded in pieces, see contract/uploads.ts); a bigger frame closes its socket with 1009.
 */
export const MAX_FRAME_BYTES = 80 * 1024 * 1024;

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const access = await WorkspaceAccess.open(options.workspace);
  const staticRoot = await realpath(options.staticDir).catch(() => {
    throw new AppError(
      'NOT_FOUND',
      `The renderer build "${options.staticDir}" is missing; run "npm run build" first.`,
    );
  });
  const token = options.token ?? randomBytes(24).toString('hex');
  const backend = createBackend(
    {
      mode: 'browser',
      version: APP_VERSION,
      os: process.platform,
      workspace: access.root,
      // Autosaves of this workspace, outside it (the user's folder stays clean).
      recoveryDir:
        options.recoveryDir ??
        path.join(
          os.tmpdir(),
          'layerlab-recovery',
          createHash('sha256').update(access.root).digest('hex').slice(0, 16),
        ),
    },
    access,
    {
      ...(options.workerPath ? { workerPath: options.workerPath } : {}),
      ...(options.csvWorkerPath ? { csvWorkerPath: options.csvWorkerPath } : {}),
    },
  );

  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const server = http.createServer((req, res) => {
    if (!oneHostHeader(req)) return refuseHttp(res, 400, 'Exactly one Host header is allowed');
    void serveStatic(req, res, staticRoot, allowedHosts(), port);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  // One bad peer must never take the host down: every error is logged and stays with its socket.
  wss.on('error', (err) => log(`WebSocket server error: ${err.message}`));
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    log(`Refused a malformed HTTP request (${err.code ?? err.message})`);
    if (socket.writable && !socket.destroyed)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (err) => log(`Socket error during the handshake: ${err.message}`));
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== WS_PATH) return refuse(404, 'Not Found');
    if (!oneHostHeader(req)) return refuse(400, 'Bad Request');
    if (!allowedHosts().includes(req.headers.host ?? '')) return refuse(403, 'Forbidden');
    if (!allowedOrigins().includes(req.headers.origin ?? '')) return refuse(403, 'Forbidden');
    if (!sameSecret(url.searchParams.get('token') ?? '', token)) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => connect(ws, backend));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.removeAllListeners('error');
  server.on('error', (err) => log(`HTTP server error: ${err.message}`));
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    backend,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await backend.dispose();
    },
  };
}

function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Node keeps only the first of several Host headers; a request carrying two is refused outright
 * (the check against DNS rebinding must see the one header there is).
 */
function oneHostHeader(req: http.IncomingMessage): boolean {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    if (req.rawHeaders[i]?.toLowerCase() === 'host') count++;
  return count === 1;
}

function refuseHttp(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(text);
}

/** The close code for a ws error code: 1009 too big, 1007 not UTF-8, 1002 any other breach. */
function closeCodeOf(code: string | undefined): number {
  if (
    code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ||
    code === 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH' ||
    code === 'WS_ERR_TOO_MANY_BUFFERED_PARTS'
  )
    return 1009;
  if (code === 'WS_ERR_INVALID_UTF8') return 1007;
  return 1002;
}

function log(line: string): void {
  console.warn(`layerlab web: ${line}`);
}

function connect(ws: WebSocket, backend: Backend): void {
  const send = (msg: WsMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const off = backend.onEvent((event, payload) => send({ type: 'event', event, payload }));
  ws.on('close', off);
  // A protocol error (bad UTF-8, unmasked or oversized frame, unknown opcode...): ws has already
  // sent a close frame with the matching code (1002, 1007, 1009), which the renderer puts into
  // words; this socket ends, every other one keeps being served.
  ws.on('error', (err: Error & { code?: string }) => {
    log(`Closed a connection after a protocol error (${err.code ?? 'error'}: ${err.message})`);
    if (ws.readyState === ws.OPEN) ws.close(closeCodeOf(err.code), 'protocol error');
    setTimeout(() => ws.terminate(), 1000).unref();
  });
  ws.on('message', async (data, isBinary) => {
    let raw: unknown;
    try {
      if (isBinary) throw new Error('binary');
      raw = JSON.parse(data.toString());
    } catch {
      return send({
        type: 'result',
        id: -1,
        result: {
          ok: false,
          error: new AppError('BAD_REQUEST', 'A message was not JSON text.').toJSON(),
        },
      });
    }
    const req = wsRequestSchema.safeParse(raw);
    if (!req.success) {
      const id =
        typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
      return send({
        type: 'result',
        id,
        result: {
          ok: false,
          error: new AppError(
            'BAD_REQUEST',
            'A message needs a numeric "id", a "channel" and a "payload".',
          ).toJSON(),
        },
      });
    }
    send({
      type: 'result',
      id: req.data.id,
      result: await backend.invoke(req.data.channel, req.data.payload),
    });
  });
}

async function serveStatic(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  root: string,
  allowedHosts: string[],
  port: number,
): Promise<void> {
  const deny = (status: number, text: string) => refuseHttp(res, status, text);
  if (!allowedHosts.includes(req.headers.host ?? '')) return deny(403, 'Forbidden host');
  if (req.method !== 'GET' && req.method !== 'HEAD') return deny(405, 'Method not allowed');
  const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return deny(400, 'Bad path');
  }
  // Refuse traversal outright rather than normalising it away; then confine what is left.
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..'))
    return deny(403, 'Forbidden path');
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const abs = path.resolve(root, rel);
  if (!abs.startsWith(root + path.sep)) return deny(403, 'Forbidden path');
  try {
    const real = await realpath(abs);
    if (!real.startsWith(root + path.sep) || !(await stat(real)).isFile())
      return deny(404, 'Not found');
    const body = await readFile(real);
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.byteLength,
      'Content-Security-Policy': contentSecurityPolicy({
        connect: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
      }),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    deny(404, 'Not found');
  }
}

function parseArgs(argv: string[]): { port: number; workspace: string; staticDir: string } {
  const out = {
    port: 0,
    workspace: process.cwd(),
    staticDir: path.resolve(__dirname, '../renderer'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--port') {
      const n = Number(next());
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        throw new Error(`--port must be 0..65535, got "${argv[i]}"`);
      out.port = n;
    } else if (arg === '--workspace') out.workspace = path.resolve(next());
    else if (arg === '--static') out.staticDir = path.resolve(next());
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run web -- [--port N] [--workspace DIR]');
      process.exit(0);
    } else throw new Error(`unknown option "${arg}" (try --help)`);
  }
  return out;
}

async function main(): Promise<void> {
  try {
    const args = parseArgs(process.argv.slice(2));
    const host = await startHost(args);
    console.log(`Layerlab (browser mode) is running at ${host.url}`);
    console.log(`Workspace: ${args.workspace}  (files outside it cannot be opened)`);
    const stop = () => void host.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (err) {
    console.error(`layerlab web: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

if (typeof require !== 'undefined' && require.main === module) void main();
