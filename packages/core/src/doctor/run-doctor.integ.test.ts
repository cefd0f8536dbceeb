import { chmod } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { defaultConfig } from '../config/supervisor-config';
import type { DoctorCheck } from './doctor-check';
import { runDoctor, type DoctorOptions } from './run-doctor';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const config = () => {
  const base = defaultConfig();
  return {
    ...base,
    defaults: { ...base.defaults, retry: { attempts: 1, baseDelay: 10, maxDelay: 10 }, timeout: 1000 },
  };
};
const byTitle = (checks: DoctorCheck[]) => Object.fromEntries(checks.map((c) => [c.title, c]));

describe(runDoctor.name, () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  const restoreEnv = saveEnv();
  const options = (over: Partial<DoctorOptions> = {}): DoctorOptions => ({
    config: config(),
    configErrors: [],
    configWarnings: [],
    paths: { awsConfigFile: home.configFile, cacheDir: home.cacheDir, stateDir: join(dir, 'state') },
    env: home.env,
    platform: process.platform,
    probeTimeoutMs: 1000,
    ...over,
  });

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'doctor-',
      sessions: [
        { name: 'corp', profiles: ['dev'] },
        { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
      ],
    });
    ({ emulator, dir, home } = world);
    Object.assign(process.env, emulator.env());
  });
  afterAll(async () => {
    restoreEnv();
    await world.close();
  });
  beforeEach(() => emulator.resetCalls());

  it('with a profile: its session, the environment, the endpoints, the clock, then role credentials', async () => {
    const checks = await runDoctor(options({ profile: 'dev' }));
    expect(checks.map((c) => [c.title, c.status])).toStrictEqual([
      ['supervisor config', 'pass'],
      ['AWS config', 'pass'],
      ['profile dev', 'pass'],
      ['cache file corp', 'pass'],
      ['token corp', 'pass'],
      ['registration corp', 'pass'],
      ['daemon', 'warn'],
      ['environment credentials', 'pass'],
      ['SSO OIDC endpoint (us-east-1)', 'pass'],
      ['SSO portal endpoint (us-east-1)', 'pass'],
      ['clock', 'pass'],
      ['role credentials dev', 'pass'],
    ]);
    expect(emulator.calls.getRoleCredentials).toBe(1);
    const text = JSON.stringify(checks);
    expect(emulator.issuedSecrets().filter((s) => text.includes(s))).toStrictEqual([]);
  });

  it('without a profile: every session, and no role credentials', async () => {
    const checks = byTitle(await runDoctor(options()));
    expect(checks['cache file corp'].status).toBe('pass');
    expect(checks['cache file nobody']).toMatchObject({
      status: 'fail',
      fix: 'run aws sso login --sso-session nobody',
    });
    expect(Object.keys(checks).some((t) => t.startsWith('role credentials'))).toBe(false);
    expect(emulator.calls.getRoleCredentials).toBe(0);
  });

  it('takes the profile from AWS_PROFILE', async () => {
    const checks = byTitle(await runDoctor(options({ env: { ...home.env, AWS_PROFILE: 'dev' } })));
    expect(checks['role credentials dev'].status).toBe('pass');
  });

  it('an unknown profile fails and checks no session', async () => {
    const checks = await runDoctor(options({ profile: 'nope' }));
    expect(byTitle(checks)['profile nope'].status).toBe('fail');
    expect(checks.some((c) => c.title.startsWith('cache file'))).toBe(false);
  });

  it('warns about a cache file others can read', async () => {
    await chmod(home.sessions.corp.cacheFile, 0o644);
    try {
      expect(byTitle(await runDoctor(options({ profile: 'dev' })))['cache file corp'].status).toBe('warn');
    } finally {
      await chmod(home.sessions.corp.cacheFile, 0o600);
    }
  });

  it('reports supervisor.yaml errors, and environment keys that shadow SSO', async () => {
    const env = { ...home.env, AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE' };
    const checks = byTitle(await runDoctor(options({ configErrors: ['/s.yaml:1:1 version: bad'], env })));
    expect(checks['supervisor config'].status).toBe('fail');
    expect(checks['environment credentials'].status).toBe('fail');
  });

  it('unreachable endpoints fail, leave the clock unchecked, and role credentials fail', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const endpoints = { AWS_ENDPOINT_URL_SSO_OIDC: dead, AWS_ENDPOINT_URL_SSO: dead };
    Object.assign(process.env, endpoints);
    try {
      const checks = byTitle(
        await runDoctor(options({ profile: 'dev', env: { ...home.env, ...endpoints } })),
      );
      expect(checks['SSO OIDC endpoint (us-east-1)']).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining('ECONNREFUSED'),
      });
      expect(checks['SSO portal endpoint (us-east-1)'].status).toBe('fail');
      expect(checks.clock.status).toBe('warn');
      expect(checks['role credentials dev']).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining('ECONNREFUSED'),
      });
    } finally {
      Object.assign(process.env, emulator.env());
    }
  });
});
