import { chmod, lstat, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { controlPath } from './control-path';
import {
  controlError,
  MAX_REQUEST_BYTES,
  parseControlRequest,
  type ControlOp,
  type ControlReply,
  type ControlRequest,
  type ControlResults,
  type RequestFor,
} from './control-protocol';
import { ensurePrivateDir, errorCode, ownedByMe } from './private-dir';
import { withSessionLock } from './session-lock';

export type ControlHandler = (request: ControlRequest) => Promise<ControlReply>;

export interface ControlServerOptions {
  /** Connections beyond this are closed at once; their clients fall back to doing the work themselves. */
  maxConnections?: number;
  /** A connection that sends no complete request within this is closed. */
  idleTimeoutMs?: number;
  /** A handler still running after this is answered with a retryable `timeout` error. */
  handlerTimeoutMs?: number;
  maxRequestBytes?: number;
}

export interface ControlServer {
  path: string;
  close(): Promise<void>;
}

export type ControlServerProblem =
  'unsafe-folder' | 'not-a-socket' | 'foreign-socket' | 'already-running' | 'path-too-long' | 'listen-failed';

export class ControlServerError extends Error {
  constructor(
    readonly reason: ControlServerProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ControlServerError';
  }
}

/**
 * Listens on the state dir's control socket and answers each request with `handler`. A socket file
 * left by a crash is removed first, but only if it is ours and nothing answers on it.
 */
export async function startControlServer(
  stateDir: string,
  handler: ControlHandler,
  options: ControlServerOptions = {},
): Promise<ControlServer> {
  const where = controlPath(stateDir);
  if ('error' in where) throw new ControlServerError('path-too-long', where.error);
  const problem = await ensurePrivateDir(stateDir);
  if (problem)
    throw new ControlServerError('unsafe-folder', `cannot use the state folder: ${problem.message}`);
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    serve(socket, handler, options);
  });
  server.maxConnections = options.maxConnections ?? 32;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of open) socket.destroy();
    });
  if (where.kind === 'named-pipe') {
    await listen(server, where.path);
    return { path: where.path, close };
  }
  // Under a lock, so two daemons starting together cannot both judge the socket stale and listen.
  const ino = await withSessionLock(
    join(stateDir, 'locks'),
    'control-socket',
    async () => {
      await removeStaleSocket(where.path);
      await listen(server, where.path);
      // The folder is 0700, so nobody else could reach the socket before this.
      await chmod(where.path, 0o600);
      return (await lstat(where.path)).ino;
    },
    { waitMs: 5_000 },
  );
  return {
    path: where.path,
    close: async () => {
      await close();
      // libuv unlinks the socket on close; this covers platforms that do not, and never removes a successor's.
      const info = await lstat(where.path).catch(() => null);
      if (info?.ino === ino) await unlink(where.path).catch(() => {});
    },
  };
}

/** Builds a handler from one function per op; a throw becomes an error reply that carries no message text. */
export function controlHandlerFrom(handlers: {
  [Op in ControlOp]?: (request: RequestFor<Op>) => Promise<ControlResults[Op]>;
}): ControlHandler {
  return async (request) => {
    const run = handlers[request.op] as ((r: ControlRequest) => Promise<unknown>) | undefined;
    if (!run) return controlError('unknown-op', 'this daemon does not serve the requested op');
    try {
      return { ok: true, result: await run(request) } as ControlReply;
    } catch (error) {
      // Only the name and a retryable flag cross: a message may quote a token or a response body.
      const { name, retryable } = (error ?? {}) as { name?: unknown; retryable?: unknown };
      const code = typeof name === 'string' && /^[A-Za-z]{1,64}$/.test(name) ? name : 'Error';
      return controlError(code, 'the daemon could not complete the request', retryable === true);
    }
  };
}

async function removeStaleSocket(path: string): Promise<void> {
  const info = await lstat(path).catch((error) => {
    if (errorCode(error) === 'ENOENT') return null;
    throw new ControlServerError('listen-failed', `cannot inspect ${path} (${errorCode(error)})`);
  });
  if (!info) return;
  if (!info.isSocket())
    throw new ControlServerError('not-a-socket', `${path} exists and is not a socket; not removing it`);
  if (!ownedByMe(info)) {
    throw new ControlServerError(
      'foreign-socket',
      `${path} belongs to uid ${info.uid}, not to this user; not removing it`,
    );
  }
  if (await somethingListens(path)) {
    throw new ControlServerError('already-running', `another process already listens on ${path}`);
  }
  await unlink(path).catch(() => {});
}

function somethingListens(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    const done = (listens: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(listens);
    };
    // A listener too busy to accept within this still counts as alive: better to refuse than to steal.
    const timer = setTimeout(() => done(true), 500);
    socket.on('connect', () => done(true));
    socket.on('error', (error) => done(!['ECONNREFUSED', 'ENOENT'].includes(errorCode(error))));
  });
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(new ControlServerError('listen-failed', `cannot listen on ${path} (${errorCode(error)})`)),
    );
    server.listen(path, () => resolve());
  });
}

function serve(socket: Socket, handler: ControlHandler, options: ControlServerOptions): void {
  const { idleTimeoutMs = 5_000, handlerTimeoutMs = 60_000, maxRequestBytes = MAX_REQUEST_BYTES } = options;
  socket.on('error', () => {});
  socket.setTimeout(idleTimeoutMs, () => socket.destroy());
  let received = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    const end = received.indexOf(10);
    if (end < 0) {
      if (received.length > maxRequestBytes)
        reply(controlError('too-large', `requests are limited to ${maxRequestBytes} bytes`));
      return;
    }
    // One request per connection: anything after the first line is ignored.
    socket.off('data', onData);
    socket.setTimeout(0);
    const request = parseControlRequest(received.subarray(0, end).toString('utf8'));
    if ('code' in request) return reply({ ok: false, error: request });
    socket.write('{"v":1,"ack":true}\n');
    answer(request);
  };
  const reply = (body: ControlReply) => {
    if (!socket.destroyed) socket.end(`${JSON.stringify({ v: 1, ...body })}\n`);
    socket.off('data', onData);
    // A client that never reads its answer or closes must not keep one of the capped slots.
    socket.setTimeout(idleTimeoutMs, () => socket.destroy());
  };
  const answer = async (request: ControlRequest) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<ControlReply>((resolve) => {
      timer = setTimeout(
        () => resolve(controlError('timeout', 'the daemon took too long', true)),
        handlerTimeoutMs,
      );
    });
    const handled = handler(request).catch(() =>
      controlError('internal', 'the daemon could not answer', true),
    );
    reply(await Promise.race([handled, timeout]));
    clearTimeout(timer);
  };
  socket.on('data', onData);
}
