import { once } from 'node:events';
import { chown, lchown, lstat, mkdir, mkdtemp, rm, symlink, writeFile, readFile } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileInterprocess,
  finished,
  firstLine,
  isRoot,
  node,
  NOBODY,
} from '../test-support/interprocess-children';
import { askDaemon } from './control-client';
import type { ControlReply } from './control-protocol';
import { controlHandlerFrom, startControlServer, type ControlServer } from './control-server';

const SECRET = 'aoa-SECRET-token-value';
// Generous: these tests are about outcomes, on a shared, loaded machine. The default (100 ms) is used
// where the point is falling back from a listener that never answers.
const PATIENT = { timeoutMs: 5_000 };

let dir: string;
let stateDir: string;
let socketPath: string;
const servers: Array<ControlServer | Server> = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'control-'));
  stateDir = join(dir, 'state');
  socketPath = join(stateDir, 'daemon.sock');
});
afterEach(async () => {
  for (const server of servers.splice(0)) {
    if (!('listening' in server)) await server.close();
    else await new Promise((resolve) => server.close(resolve).emit('close-all'));
  }
  await rm(dir, { recursive: true, force: true });
});

const handler = controlHandlerFrom({
  token: async ({ session }) => ({ accessToken: `${SECRET}-${session}`, expiresAt: '2026-12-02T00:00:00Z' }),
  ping: async () => ({ pid: process.pid }),
  credentials: async () => {
    throw Object.assign(new Error(`GetRoleCredentials failed for ${SECRET}`), {
      name: 'TransientError',
      retryable: true,
    });
  },
});

async function start(h = handler, options = {}): Promise<ControlServer> {
  const server = await startControlServer(stateDir, h, options);
  servers.push(server);
  return server;
}

/** Sends raw bytes and collects every line the server writes before closing. */
async function raw(payload: string | Buffer): Promise<string[]> {
  const socket = createConnection(socketPath);
  let text = '';
  socket.on('data', (chunk) => (text += chunk));
  socket.on('error', () => {});
  await once(socket, 'connect');
  socket.write(payload);
  await once(socket, 'close');
  return text.split('\n').filter(Boolean);
}

describe('control channel', () => {
  it('answers a request over a 0600 socket in a 0700 folder', async () => {
    await start();
    expect((await lstat(stateDir)).mode & 0o777).toBe(0o700);
    expect((await lstat(socketPath)).mode & 0o777).toBe(0o600);
    const answer = await askDaemon(stateDir, { op: 'token', session: 'dev' }, PATIENT);
    expect(answer).toEqual({
      kind: 'answer',
      response: {
        v: 1,
        ok: true,
        result: { accessToken: `${SECRET}-dev`, expiresAt: '2026-12-02T00:00:00Z' },
      },
    });
  });

  it("turns a handler's throw into an error reply without its message", async () => {
    await start();
    const answer = await askDaemon(stateDir, { op: 'credentials', profile: 'app' }, PATIENT);
    expect(answer).toEqual({
      kind: 'answer',
      response: {
        v: 1,
        ok: false,
        error: { code: 'TransientError', message: expect.any(String), retryable: true },
      },
    });
    expect(JSON.stringify(answer)).not.toContain(SECRET);
    const unserved = await askDaemon(stateDir, { op: 'refresh', sessions: ['dev'], force: false }, PATIENT);
    expect(unserved).toMatchObject({ response: { ok: false, error: { code: 'unknown-op' } } });
  });

  it('answers bad, unknown and oversized requests with an error and closes', async () => {
    await start();
    expect(await raw('{"v":9,"op":"ping"}\n')).toEqual([expect.stringContaining('"unsupported-version"')]);
    expect(await raw('{"v":1,"op":"halt"}\n')).toEqual([expect.stringContaining('"unknown-op"')]);
    expect(await raw('not json\n')).toEqual([expect.stringContaining('"bad-request"')]);
    expect(await raw(Buffer.alloc(70 * 1024, 'a'))).toEqual([expect.stringContaining('"too-large"')]);
    // Still serving afterwards.
    expect(await askDaemon(stateDir, { op: 'ping' }, PATIENT)).toMatchObject({
      kind: 'answer',
      response: { ok: true },
    });
  });

  it('closes a connection that never sends a whole request', async () => {
    await start(handler, { idleTimeoutMs: 100 });
    expect(await raw('{"v":1,')).toEqual([]);
  });

  it('acks at once, so a slow handler is told apart from a dead socket', async () => {
    let finish: (reply: ControlReply) => void = () => {};
    await start(() => new Promise((resolve) => (finish = resolve)));
    const slow = askDaemon(stateDir, { op: 'refresh', sessions: ['dev'], force: true }, { timeoutMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    finish({ ok: true, result: { results: [{ session: 'dev', id: 'dev', outcome: 'refreshed' }] } });
    expect(await slow).toMatchObject({ kind: 'answer', response: { ok: true } });
    const gaveUp = await askDaemon(stateDir, { op: 'ping' }, { timeoutMs: 5_000, answerTimeoutMs: 50 });
    expect(gaveUp).toMatchObject({ kind: 'no-daemon', reason: 'answer-timeout' });
  });

  it('closes connections beyond the cap at once, and their clients fall back', async () => {
    const waiting: Array<() => void> = [];
    const blocking = () =>
      new Promise<ControlReply>((resolve) => waiting.push(() => resolve({ ok: true, result: { pid: 1 } })));
    await start(blocking, { maxConnections: 2 });
    const asks = Array.from({ length: 6 }, () => askDaemon(stateDir, { op: 'ping' }, { timeoutMs: 10_000 }));
    while (waiting.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    waiting.forEach((release) => release());
    const answers = await Promise.all(asks);
    expect(answers.filter((a) => a.kind === 'answer')).toHaveLength(2);
    expect(answers.filter((a) => a.kind === 'no-daemon')).toHaveLength(4);
  });

  it('says no-daemon when there is no state dir or no socket', async () => {
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({
      kind: 'no-daemon',
      reason: 'no-socket',
    });
    await mkdir(stateDir, { mode: 0o700 });
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({
      kind: 'no-daemon',
      reason: 'no-socket',
    });
  });

  it('falls back within the timeout from a socket that accepts but never answers', async () => {
    await mkdir(stateDir, { mode: 0o700 });
    // Accepts and never reads: its sockets stay paused, so they are destroyed for the server to close.
    const mute = createServer((socket) => mute.once('close-all', () => socket.destroy()));
    servers.push(mute);
    await new Promise<void>((resolve) => mute.listen(socketPath, resolve));
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({ kind: 'no-daemon', reason: 'timeout' });
  });

  it('refuses, and leaves alone, a socket path that is not a socket', async () => {
    await mkdir(stateDir, { mode: 0o700 });
    await writeFile(socketPath, 'not a socket');
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({
      kind: 'no-daemon',
      reason: 'not-a-socket',
    });
    await expect(start()).rejects.toMatchObject({ reason: 'not-a-socket' });
    expect(await readFile(socketPath, 'utf8')).toBe('not a socket');
  });

  it('refuses a second server while the first one answers', async () => {
    await start();
    await expect(start()).rejects.toMatchObject({ reason: 'already-running' });
    expect(await askDaemon(stateDir, { op: 'ping' }, PATIENT)).toMatchObject({ kind: 'answer' });
  });

  it('removes its socket on close', async () => {
    const server = await start();
    await server.close();
    servers.pop();
    await expect(lstat(socketPath)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({
      kind: 'no-daemon',
      reason: 'no-socket',
    });
  });

  it('refuses a symlinked state folder, on both sides', async () => {
    const real = join(dir, 'real');
    await mkdir(real, { mode: 0o700 });
    await symlink(real, stateDir);
    await expect(start()).rejects.toMatchObject({ reason: 'unsafe-folder' });
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({
      kind: 'no-daemon',
      reason: 'unsafe-folder',
    });
    await expect(lstat(join(real, 'daemon.sock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  (isRoot ? it : it.skip)('refuses a state folder owned by another user, on both sides', async () => {
    await mkdir(stateDir, { mode: 0o700 });
    await chown(stateDir, NOBODY, NOBODY);
    await expect(start()).rejects.toMatchObject({ reason: 'unsafe-folder' });
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({
      kind: 'no-daemon',
      reason: 'unsafe-folder',
    });
  });
});

describe('control channel across processes', () => {
  let code: string;
  beforeAll(async () => {
    code = await compileInterprocess();
  });
  afterAll(() => rm(code, { recursive: true, force: true }));

  // Listens on the path like a daemon would, then is killed: the socket file stays behind.
  const CRASHER = `
require('node:net').createServer(() => {}).listen(process.argv[1], () => console.log('listening'));
`;
  async function leaveStaleSocket(): Promise<void> {
    await mkdir(stateDir, { mode: 0o700 });
    const child = node(code, CRASHER, [socketPath]);
    expect(await firstLine(child)).toBe('listening');
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    expect((await lstat(socketPath)).isSocket()).toBe(true);
  }

  it('replaces a socket file left by a crashed daemon', async () => {
    await leaveStaleSocket();
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({ kind: 'no-daemon', reason: 'refused' });
    await start();
    expect(await askDaemon(stateDir, { op: 'ping' }, PATIENT)).toMatchObject({
      kind: 'answer',
      response: { ok: true },
    });
  });

  (isRoot ? it : it.skip)("refuses another user's socket, and leaves it", async () => {
    await leaveStaleSocket();
    await lchown(socketPath, NOBODY, NOBODY);
    expect(await askDaemon(stateDir, { op: 'ping' })).toMatchObject({
      kind: 'no-daemon',
      reason: 'not-ours',
    });
    await expect(start()).rejects.toMatchObject({ reason: 'foreign-socket' });
    expect((await lstat(socketPath)).uid).toBe(NOBODY);
  });

  it('serves clients in other processes, one request each', async () => {
    await start();
    const ASK = `
require('./control-client.js').askDaemon(process.argv[1], { op: 'token', session: 'p' + process.pid }, { timeoutMs: 5000 })
  .then((answer) => console.log(JSON.stringify(answer)));
`;
    const children = Array.from({ length: 8 }, () => node(code, ASK, [stateDir]));
    const results = await Promise.all(children.map(finished));
    const answers = results.map(
      (r) => JSON.parse(r.stdout) as { response: { result: { accessToken: string } } },
    );
    expect(answers.map((a) => a.response.result.accessToken)).toEqual(
      children.map((c) => `${SECRET}-p${c.pid}`),
    );
  });
});
