import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeCachedLogin, type Emulator, type SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { DaemonProcess, leakedSecrets, runCli } from './testing';

const CONFIG = `version: 1
defaults:
  schedule: "* * * * * *"
  threshold: 4s
  retry: { attempts: 2, baseDelay: 100ms, maxDelay: 200ms }
  timeout: 3s
log:
  level: debug
`;

/** `sso-supervisor run` end to end: real process, emulator, tokens that live seconds. */
describe('sso-supervisor run', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let env: Record<string, string>;
  let configFile: string;
  const daemons: DaemonProcess[] = [];
  const start = (extra: Record<string, string> = {}) => {
    const d = new DaemonProcess({ env: { ...env, ...extra } });
    daemons.push(d);
    return d;
  };

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'daemon-',
      emulator: { accessTokenTtlSeconds: 6 },
      sessions: ['dev', 'staging', 'prod'].map((name) => ({
        name,
        profiles: [`${name}-a`, `${name}-b`],
        accessTokenTtlSeconds: 6,
      })),
      config: CONFIG,
    });
    ({ emulator, dir, home, configFile, env } = world);
  });

  afterEach(async () => {
    const outputs = [];
    for (const d of daemons.splice(0)) {
      await d.stop();
      outputs.push(d.stdout, d.stderr);
    }
    const logs = await readdir(join(dir, 'state')).catch(() => []);
    // Files only: locks/ and role-credentials/ are folders, daemon.sock a socket.
    for (const f of logs) {
      const file = join(dir, 'state', f);
      if ((await lstat(file)).isFile()) outputs.push(await readFile(file, 'utf8'));
    }
    expect(leakedSecrets(emulator.issuedSecrets(), outputs)).toEqual([]);
    await world.close();
  });

  it('refreshes each session once per due point, whatever its number of profiles', async () => {
    const d = start();
    await d.waitFor(() =>
      ['dev', 'staging', 'prod'].every((s) => d.events('token.refreshed', s).length >= 2),
    );
    await d.stop();
    const refreshed = d.events('token.refreshed').length;
    expect(emulator.calls.createToken.refresh_token).toBe(refreshed);
    expect(d.events('session.reauth_required')).toEqual([]);
    for (const name of ['dev', 'staging', 'prod']) {
      expect(JSON.parse(await readFile(home.sessions[name].cacheFile, 'utf8')).accessToken).toMatch(/^aoa_/);
    }
  });

  it('stops calling AWS for a session whose refresh token died, keeps the others, and picks up a new login', async () => {
    const d = start();
    await d.waitFor(() => d.events('supervisor.started').length === 1);
    const prodClient = JSON.parse(await readFile(home.sessions.prod.cacheFile, 'utf8')).clientId;
    emulator.revokeAllRefreshTokens();
    await d.waitFor(() => d.events('session.reauth_required').length === 3);
    const heldCalls = emulator.calls.refreshByClient[prodClient];
    // New logins for dev and staging: they go back to refreshing; prod stays held and silent.
    for (const name of ['dev', 'staging']) {
      const { startUrl, cacheFile } = home.sessions[name];
      await writeCachedLogin(
        cacheFile,
        emulator.seedLogin({ startUrl, region: 'us-east-1', accessTokenTtlSeconds: 6 }),
      );
    }
    await d.waitFor(
      () =>
        d.events('token.refreshed', 'dev').length >= 2 && d.events('token.refreshed', 'staging').length >= 2,
    );
    expect(emulator.calls.refreshByClient[prodClient]).toBe(heldCalls);
    expect(d.events('session.reauth_required', 'prod')).toHaveLength(1);
    expect(d.events('session.reauth_required', 'prod')[0]).toMatchObject({
      level: 'error',
      command: 'aws sso login --sso-session prod',
    });
    expect(d.events('session.restored', 'dev')).toHaveLength(1);
    const { startUrl, cacheFile } = home.sessions.prod;
    await writeCachedLogin(
      cacheFile,
      emulator.seedLogin({ startUrl, region: 'us-east-1', accessTokenTtlSeconds: 6 }),
    );
    await d.waitFor(
      () =>
        d.events('session.restored', 'prod').length === 1 && d.events('token.refreshed', 'prod').length >= 1,
    );
  });

  it('SIGTERM in the middle of refreshes exits 0 and leaves every cache file whole, no temp files', async () => {
    emulator.setLatency(1500);
    const d = start();
    await d.waitFor(() =>
      d.entries.some((e) => e.message === 'sso-supervisor started; watching 3 session(s)'),
    );
    await new Promise((r) => setTimeout(r, 2500));
    d.kill('SIGTERM');
    expect((await d.exited).code).toBe(0);
    expect(d.events('supervisor.stopped')).toHaveLength(1);
    const files = await readdir(home.cacheDir);
    expect(files.filter((f) => !f.endsWith('.json'))).toEqual([]);
    for (const name of ['dev', 'staging', 'prod']) {
      expect(JSON.parse(await readFile(home.sessions[name].cacheFile, 'utf8'))).toMatchObject({
        accessToken: expect.any(String),
      });
    }
  });

  it('SIGHUP with a broken config keeps the old one running; a fixed one is applied', async () => {
    const d = start();
    await d.waitFor(() => d.events('supervisor.started').length === 1);
    await writeFile(configFile, CONFIG.replace('threshold: 4s', 'threshhold: 4s'));
    await d.waitFor(() => d.events('config.invalid').length >= 1);
    expect(d.events('config.invalid')[0].message).toContain('did you mean');
    const before = d.events('token.refreshed').length;
    await d.waitFor(() => d.events('token.refreshed').length > before + 2);
    await writeFile(configFile, CONFIG.replace('log:', 'sessions:\n  - name: dev\nlog:'));
    d.kill('SIGHUP');
    await d.waitFor(() => d.events('config.reloaded').some((e) => e.message.includes('2 removed')));
  });

  it('a second run on the same state dir is refused, naming the running pid', async () => {
    const d = start();
    await d.waitFor(() => d.events('supervisor.started').length === 1);
    const second = await runCli(['run'], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(String(d.pid));
  });

  it('status says the daemon runs, with its pid, and when it last refreshed', async () => {
    const d = start();
    await d.waitFor(() => d.events('token.refreshed', 'dev').length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    const r = await runCli(['status', '--json'], env);
    const status = JSON.parse(r.stdout);
    expect(status.daemon).toMatchObject({ running: true, pid: d.pid });
    const dev = status.sessions.find((s: { name: string }) => s.name === 'dev');
    expect(dev.lastRefresh).toEqual(expect.any(String));
    expect(dev.nextCheck).toEqual(expect.any(String));
  });
});
