import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromHttp } from '@aws-sdk/credential-providers';
import { createSsoHome, startEmulator, type Emulator } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { defaultConfig } from '../config/supervisor-config';
import { SessionRefresher } from '../engine/session-refresher';
import { buildSetup, type Setup } from '../setup/load-setup';
import { ensureBrokerToken } from './broker-token';
import { CredentialsBroker } from './credentials-broker';
import { startLoopbackServer } from './loopback-server';
import { readServerFile } from './server-file';
import { startBroker, type RunningBroker } from './start-broker';

const run = promisify(execFile);
const quiet = { error() {}, warn() {}, info() {}, debug() {} };

/** One raw request, so malformed ones can be sent too; resolves with the status line's code (or 'closed'). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    socket.on('data', (d) => (got += d.toString()));
    socket.on('close', () => resolve(/^HTTP\/1\.1 (\d+)/.exec(got)?.[1] ?? 'closed'));
    socket.on('error', () => {});
    socket.end(text);
  });
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; body: Record<string, string> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text || '{}') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('credential broker', () => {
  let emulator: Emulator;
  let dir: string;
  let stateDir: string;
  let setup: Setup;
  let broker: RunningBroker;
  let token: string;
  let refresher: SessionRefresher;
  const restoreEnv = saveEnv();

  beforeAll(async () => {
    // Role credentials that live 2 s: renewed after 1 s, so a client calling for a few seconds spans lifetimes.
    emulator = await startEmulator({ roleCredentialTtlSeconds: 2 });
    Object.assign(process.env, emulator.env());
    dir = await mkdtemp(join(tmpdir(), 'broker-'));
    const home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'corp', profiles: ['dev'] },
      { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
    ]);
    stateDir = join(dir, 'state');
    setup = await buildSetup(defaultConfig(), {
      awsConfigFile: home.configFile,
      cacheDir: home.cacheDir,
      stateDir,
    });
    refresher = new SessionRefresher();
    const credentials = new CredentialsBroker({ stateDir, setup: () => setup, refresher });
    broker = await startBroker({ stateDir, port: 0, broker: credentials, logger: quiet });
    token = (await ensureBrokerToken(stateDir)).token;
  });
  afterAll(async () => {
    await broker.stop();
    refresher.destroy();
    restoreEnv();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => emulator.resetCalls());

  it('writes its port to server.json and a 256-bit token 0600', async () => {
    expect(await readServerFile(stateDir)).toMatchObject({ port: broker.port, pid: process.pid });
    expect((await stat(broker.tokenFile)).mode & 0o777).toBe(0o600);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 401 without the token, 403 with a wrong one, 405 for other methods', async () => {
    expect((await get(broker.port, '/v1/credentials/dev')).status).toBe(401);
    expect((await get(broker.port, '/v1/credentials/dev', { authorization: 'x'.repeat(64) })).status).toBe(
      403,
    );
    expect((await get(broker.port, '/v1/credentials/dev', { authorization: token }, 'DELETE')).status).toBe(
      405,
    );
    expect(emulator.calls.getRoleCredentials).toBe(0);
  });

  it.each([
    '/v1/credentials/nope',
    '/v1/credentials/..',
    '/v1/credentials/%2e%2e%2fdev',
    '/v1/credentials/dev/x',
    '/v1/credentials/de%76',
    '/etc/passwd',
  ])('404 for %s', async (path) => {
    expect((await get(broker.port, path, { authorization: token })).status).toBe(404);
  });

  it('rejects malformed requests, a 64 KB header and a body on GET', async () => {
    expect(await raw(broker.port, 'NONSENSE\r\n\r\n')).toBe('400');
    expect(
      await raw(broker.port, `GET /v1/credentials/dev HTTP/1.1\r\nx: ${'a'.repeat(65536)}\r\n\r\n`),
    ).toBe('431');
    const body = `GET /v1/credentials/dev HTTP/1.1\r\nhost: x\r\nauthorization: ${token}\r\ncontent-length: 2\r\n\r\n{}`;
    expect(await raw(broker.port, body)).toBe('400');
    expect(emulator.calls.getRoleCredentials).toBe(0);
  });

  it('refuses to bind to anything but loopback', async () => {
    await expect(startLoopbackServer({ port: 0, hosts: ['0.0.0.0'], handler: () => {} })).rejects.toThrow(
      /refused: 0\.0\.0\.0/,
    );
  });

  it('serves the JS SDK; 100 concurrent fetches cost one GetRoleCredentials', async () => {
    // A clock that stands still, so the 2 s credentials stay fresh however slow the 100 fetches are.
    const frozen = new Date();
    const own = join(dir, 'state-frozen');
    const credentials = new CredentialsBroker({
      stateDir: own,
      setup: () => setup,
      refresher,
      now: () => frozen,
    });
    const second = await startBroker({ stateDir: own, port: 0, broker: credentials, logger: quiet });
    const { token: ownToken } = await ensureBrokerToken(own);
    try {
      const url = `http://127.0.0.1:${second.port}/v1/credentials/dev`;
      const provider = () =>
        fromHttp({
          awsContainerCredentialsFullUri: url,
          awsContainerAuthorizationToken: ownToken,
          timeout: 10_000,
        });
      const all = await Promise.all(Array.from({ length: 100 }, () => provider()()));
      expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
      expect(emulator.calls.getRoleCredentials).toBe(1);
    } finally {
      await second.stop();
    }
  });

  it('botocore re-fetches across credential lifetimes through the token file, and never fails', async () => {
    const script = [
      'import time, botocore.session',
      's = botocore.session.get_session()',
      'c = s.get_credentials()',
      'assert c.method == "container-role", c.method',
      'keys = set()',
      'end = time.time() + 4.5',
      'while time.time() < end:',
      '    keys.add(c.get_frozen_credentials().access_key)',
      '    time.sleep(0.2)',
      'print(len(keys))',
    ].join('\n');
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${broker.port}/v1/credentials/dev`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: broker.tokenFile,
    };
    const { stdout } = await run('python3', ['-c', script], { env });
    // 2 s credentials renewed after 1 s: over 4.5 s, several sets, each one GetRoleCredentials.
    expect(Number(stdout.trim())).toBeGreaterThanOrEqual(3);
    expect(emulator.calls.getRoleCredentials).toBe(Number(stdout.trim()));
  });

  it('serves the AWS CLI v2 (2.9.19 reads the token from AWS_CONTAINER_AUTHORIZATION_TOKEN only)', async () => {
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${broker.port}/v1/credentials/dev`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: token,
    };
    const { stdout } = await run('/usr/bin/aws', ['configure', 'export-credentials', '--format', 'process'], {
      env,
    });
    const answer = JSON.parse(stdout) as { SessionToken: string; Expiration: string };
    expect(emulator.issuedSecrets()).toContain(answer.SessionToken);
    expect(Date.parse(answer.Expiration)).toBeGreaterThan(Date.now() - 1000);
  });

  it('a session that needs a login: a 4xx whose message the JS SDK shows, with the login command', async () => {
    const res = await get(broker.port, '/v1/credentials/sandbox', { authorization: token });
    expect(res.status).toBe(424);
    expect(res.body).toMatchObject({
      Code: 'LoginRequired',
      Message: expect.stringContaining('run sso-supervisor login nobody'),
    });
    expect(res.body.Message).not.toContain('aws sso login');
    const url = `http://127.0.0.1:${broker.port}/v1/credentials/sandbox`;
    await expect(
      fromHttp({
        awsContainerCredentialsFullUri: url,
        awsContainerAuthorizationToken: token,
        // `timeout` is also the pause between retries; the first answer is what is tested.
        timeout: 5_000,
        maxRetries: 0,
      })(),
    ).rejects.toMatchObject({ Message: expect.stringContaining('run sso-supervisor login nobody') });
  });

  it('no issued secret in server.json or an error body', async () => {
    const res = await get(broker.port, '/v1/credentials/sandbox', { authorization: token });
    const text = JSON.stringify(res.body) + JSON.stringify(await readServerFile(stateDir));
    for (const secret of emulator.issuedSecrets()) expect(text).not.toContain(secret);
  });
});
