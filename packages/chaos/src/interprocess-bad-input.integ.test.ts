import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chown, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { runCli } from '@sso-supervisor/cli/testing';
import { writeCachedLogin } from '@sso-supervisor/emulator';
import { ChaosWorld } from './support/chaos-world';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const SESSION_LOCK = join(
  dirname(require.resolve('@sso-supervisor/core/package.json')),
  'dist/interprocess/session-lock.js',
);

/**
 * Issue 11, bad input around the cross-process parts, end to end through `credentials`: each case starts
 * from a due session and a state folder of its own, and must end with working credentials and exactly
 * one CreateToken (so the command neither gave up nor spent the refresh token twice).
 */
describe('credentials with a broken lock or daemon socket', () => {
  let world: ChaosWorld;
  let stateDir: string;
  let clientId: string;
  let servers: Server[] = [];
  let sockets: Socket[] = [];

  beforeAll(async () => {
    world = await ChaosWorld.create('xproc-bad', {
      sessions: [{ name: 'dev', profiles: ['dev-a'], accessTokenTtlSeconds: 5 }],
      emulator: { accessTokenTtlSeconds: 3600 },
    });
  });
  afterAll(() => world.close());

  let caseNo = 0;
  beforeEach(async () => {
    stateDir = join(world.dir, `state-${++caseNo}`);
    await mkdir(stateDir, { mode: 0o700 });
    const { cacheFile, startUrl } = world.home.sessions.dev;
    const login = world.emulator.seedLogin({ startUrl, region: 'us-east-1', accessTokenTtlSeconds: 5 });
    await writeCachedLogin(cacheFile, login);
    clientId = login.clientId;
  });
  afterEach(async () => {
    // A socket never read from never sees its peer's end: destroyed here, or close() waits for it.
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    servers = [];
    sockets = [];
  });

  const credentials = () =>
    runCli(['credentials', '--profile', 'dev-a'], { ...world.env, SSO_SUPERVISOR_STATE_DIR: stateDir });
  const lockFile = () =>
    join(stateDir, 'locks', `${world.home.sessions.dev.cacheFile.split('/').pop()!.slice(0, -5)}.lock`);

  async function expectWorked(run: Awaited<ReturnType<typeof credentials>>) {
    expect({ code: run.code, error: run.stderr.match(/^error: .*$/m)?.[0] }).toEqual({
      code: 0,
      error: undefined,
    });
    expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/) });
    expect(world.emulator.calls.refreshByClient[clientId]).toBe(1);
  }

  /** A server on the state dir's daemon.sock that counts connections and does `onConnection` with each. */
  async function fakeDaemon(onConnection: (socket: Socket) => void) {
    const seen = { connections: 0 };
    const server = createServer((socket) => {
      seen.connections++;
      sockets.push(socket);
      onConnection(socket);
    });
    servers.push(server);
    server.listen(join(stateDir, 'daemon.sock'));
    await once(server, 'listening');
    return seen;
  }

  /** A child process that does `script`, prints "ready", and is then SIGKILLed: it leaves its files behind. */
  async function killedAfter(script: string) {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await once(child.stdout!, 'data');
    child.kill('SIGKILL');
    await once(child, 'exit');
  }

  it('takes over a lock left by a SIGKILLed process', async () => {
    await killedAfter(
      `require(${JSON.stringify(SESSION_LOCK)}).acquireSessionLock(${JSON.stringify(join(stateDir, 'locks'))}, ${JSON.stringify(lockFile().split('/').pop()!.slice(0, -5))}).then((l) => { if (!l.locked) process.exit(3); console.log('ready'); setInterval(() => {}, 1000); })`,
    );
    expect(existsSync(lockFile())).toBe(true);
    await expectWorked(await credentials());
    expect(existsSync(lockFile())).toBe(false);
  });

  it('goes on without the lock, naming the folder, when the lock folder is unusable', async () => {
    await writeFile(join(stateDir, 'locks'), 'not a folder');
    const run = await credentials();
    await expectWorked(run);
    expect(run.stderr).toContain(
      `warning: refreshing without the cross-process lock: lock folder unusable: ${join(stateDir, 'locks')} is not a folder`,
    );
  });

  (isRoot ? it : it.skip)(
    'goes on without the lock when the state folder belongs to another user',
    async () => {
      await chown(stateDir, NOBODY, NOBODY);
      const run = await credentials();
      await expectWorked(run);
      expect(run.stderr).toContain(`state folder unusable: ${stateDir} belongs to uid ${NOBODY}`);
    },
  );

  it('falls back to doing the work itself when the socket accepts but never answers', async () => {
    const hung = await fakeDaemon(() => {});
    await expectWorked(await credentials());
    expect(hung.connections).toBe(1);
  });

  it('ignores a socket file left by a crashed daemon, and a new daemon takes it over', async () => {
    const socket = join(stateDir, 'daemon.sock');
    await killedAfter(
      `require('node:net').createServer().listen(${JSON.stringify(socket)}, () => { console.log('ready'); })`,
    );
    expect(existsSync(socket)).toBe(true);
    const run = await credentials();
    await expectWorked(run);
    expect(run.stderr).toBe('');
    const d = world.startDaemon({ env: { ...world.env, SSO_SUPERVISOR_STATE_DIR: stateDir } });
    try {
      await d.waitFor((entries) => entries.some((e) => e.message === 'control socket open'));
      await rm(join(stateDir, 'role-credentials'), { recursive: true, force: true });
      await expectWorked(await credentials());
      expect(d.entries.filter((e) => e.message === 'control request answered')).toHaveLength(1);
    } finally {
      expect(await d.stop()).toBe(0);
    }
  });

  (isRoot ? it : it.skip)('never asks a socket that belongs to another user', async () => {
    const bogus = {
      Version: 1,
      AccessKeyId: 'AKIAFAKEFAKEFAKE',
      SecretAccessKey: 'x',
      SessionToken: 'x',
      Expiration: '2099-01-01T00:00:00Z',
    };
    const foreign = await fakeDaemon((s) =>
      s.end(`{"v":1,"ack":true}\n${JSON.stringify({ v: 1, ok: true, result: bogus })}\n`),
    );
    await chown(join(stateDir, 'daemon.sock'), NOBODY, NOBODY);
    await expectWorked(await credentials());
    expect(foreign.connections).toBe(0);
    expect(await readdir(stateDir)).toContain('daemon.sock');
  });
});
