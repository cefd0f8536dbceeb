import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHttp } from '@aws-sdk/credential-providers';
import { createSsoHome, startEmulator, type Emulator } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { defaultConfig } from '../config/supervisor-config';
import { SessionRefresher } from '../engine/session-refresher';
import { buildSetup } from '../setup/load-setup';
import { CredentialsBroker } from './credentials-broker';
import { startBroker, type RunningBroker } from './start-broker';

const quiet = { error() {}, warn() {}, info() {}, debug() {} };
const LIMIT = 64;

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Slow and greedy clients against the broker's bounds (tightened here: 1 s for headers, 64 connections). */
describe('credential broker bounds', () => {
  let emulator: Emulator;
  let dir: string;
  let broker: RunningBroker;
  let refresher: SessionRefresher;
  const restoreEnv = saveEnv();

  beforeAll(async () => {
    emulator = await startEmulator();
    Object.assign(process.env, emulator.env());
    dir = await mkdtemp(join(tmpdir(), 'broker-limits-'));
    const home = await createSsoHome(emulator, join(dir, 'home'), [{ name: 'corp', profiles: ['dev'] }]);
    const stateDir = join(dir, 'state');
    const setup = await buildSetup(defaultConfig(), {
      awsConfigFile: home.configFile,
      cacheDir: home.cacheDir,
      stateDir,
    });
    refresher = new SessionRefresher();
    const credentials = new CredentialsBroker({ stateDir, setup: () => setup, refresher });
    broker = await startBroker({
      stateDir,
      port: 0,
      broker: credentials,
      logger: quiet,
      limits: { headersTimeout: 1000, maxConnections: LIMIT },
    });
  });
  afterAll(async () => {
    await broker.stop();
    refresher.destroy();
    restoreEnv();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  const fetchOnce = () =>
    fromHttp({
      awsContainerCredentialsFullUri: `http://127.0.0.1:${broker.port}/v1/credentials/dev`,
      awsContainerAuthorizationToken: broker.token,
      maxRetries: 0,
    })();

  it('cuts off a client that sends its headers a byte at a time, and serves others meanwhile', async () => {
    const slow = await open(broker.port);
    let answer = '';
    slow.on('data', (d) => (answer += d));
    const closed = new Promise<void>((resolve) => slow.on('close', () => resolve()));
    slow.write('GET /v1/credentials/dev HTTP/1.1\r\nx-slow: ');
    let sent = 0;
    const dribble = setInterval(() => {
      if (!slow.destroyed) slow.write('a');
      sent += 1;
    }, 100);
    try {
      const served = await fetchOnce();
      expect(emulator.issuedSecrets()).toContain(served.secretAccessKey);
      // Its headers never end; only the header timeout ends it (jest's timeout fails the test otherwise).
      await closed;
    } finally {
      clearInterval(dribble);
    }
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(sent).toBeGreaterThan(0);
  });

  it('1,000 idle connections: at most the limit are held, and a real client is still served', async () => {
    const idle = await Promise.all(Array.from({ length: 1000 }, () => open(broker.port).catch(() => null)));
    const sockets = idle.filter((s): s is Socket => s !== null);
    for (const s of sockets) s.on('error', () => {});
    try {
      const served = await fetchOnce();
      expect(emulator.issuedSecrets()).toContain(served.sessionToken);
      // The server closed the ones idle longest to make room: the rest see their end.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const open = sockets.filter((s) => !s.destroyed && s.readyState === 'open' && !s.readableEnded);
      expect(open.length).toBeLessThanOrEqual(LIMIT);
    } finally {
      for (const s of sockets) s.destroy();
    }
  });
});
