import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCaptureServer, type CaptureServer } from '@sso-supervisor/core/testing';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { DaemonProcess, leakedSecrets, runCli } from './testing';

const CONFIG = `version: 1
defaults:
  schedule: "* * * * * *"
  threshold: 4s
  retry: { attempts: 2, baseDelay: 100ms, maxDelay: 200ms }
  timeout: 3s
  sessionDuration: 8h
reauth:
  mode: device-code
notifiers:
  - name: me
    type: webhook
    url: \${ME_URL}
    private: true
  - name: team
    type: webhook
    url: \${TEAM_URL}
    events: ["*"]
  - name: ops
    type: webhook
    url: \${OPS_URL}
log:
  level: debug
`;

/** `reauth.mode: device-code` end to end: the daemon process, the emulator, three webhook receivers. */
describe('sso-supervisor run with reauth.mode device-code', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let env: Record<string, string>;
  let hooks: Record<'me' | 'team' | 'ops', CaptureServer>;
  let daemon: DaemonProcess | undefined;

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'daemon-reauth-',
      emulator: { accessTokenTtlSeconds: 6 },
      sessions: [
        { name: 'dev', profiles: ['dev-a'], accessTokenTtlSeconds: 6 },
        { name: 'prod', profiles: ['prod-a', 'prod-b'], accessTokenTtlSeconds: 6 },
      ],
    });
    ({ emulator, dir, home } = world);
    hooks = {
      me: await startCaptureServer(),
      team: await startCaptureServer(),
      ops: await startCaptureServer(),
    };
    const configFile = join(dir, 'supervisor.yaml');
    await writeFile(configFile, CONFIG);
    env = {
      ...home.env,
      SSO_SUPERVISOR_CONFIG: configFile,
      SSO_SUPERVISOR_STATE_DIR: join(dir, 'state'),
      ME_URL: hooks.me.url,
      TEAM_URL: hooks.team.url,
      OPS_URL: hooks.ops.url,
    };
  });

  afterEach(async () => {
    await daemon?.stop();
    await Promise.all(Object.values(hooks).map((h) => h.close()));
    await world.close();
  });

  const received = (hook: CaptureServer) => hook.requests.map((r) => JSON.parse(r.body));
  const pendingFor = (session: string) =>
    received(hooks.me).find((e) => e.type === 'login.pending' && e.session === session);

  it('one device login per dead session, its code to the private notifier only; approval restores the session', async () => {
    const d = (daemon = new DaemonProcess({ env: env }));
    await d.waitFor(() => d.events('token.refreshed').length >= 2);
    emulator.revokeAllRefreshTokens();
    await d.waitFor(() => d.events('login.pending').length === 2);
    await d.waitFor(() => Boolean(pendingFor('dev') && pendingFor('prod')));
    const pending = emulator.pendingDeviceAuthorizations();
    expect(pending.map((p) => p.startUrl).sort()).toEqual(
      [home.sessions.dev.startUrl, home.sessions.prod.startUrl].sort(),
    );
    for (const { userCode } of pending) {
      const event = received(hooks.me).find((e) => e.userCode === userCode);
      expect(event).toMatchObject({
        type: 'login.pending',
        severity: 'warning',
        verificationUri: `${emulator.url}/device?user_code=${userCode}`,
      });
    }
    // The reauth_required events came first, and ticks every second since then started no second login.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(emulator.calls.startDeviceAuthorization).toBe(2);

    for (const { userCode } of pending) emulator.approveDevice(userCode);
    await d.waitFor(() => ['dev', 'prod'].every((s) => d.events('session.restored', s).length === 1));
    await d.waitFor(() => ['dev', 'prod'].every((s) => d.events('token.refreshed', s).length >= 2));

    // The device login was an interactive login: status estimates the session's end from it.
    let status: { sessions: { name: string; sessionEndsAt?: string }[] } = { sessions: [] };
    for (let tries = 0; tries < 20 && !status.sessions.every((s) => s.sessionEndsAt); tries++) {
      status = JSON.parse((await runCli(['status', '--json'], env)).stdout);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    for (const s of status.sessions) {
      const endsIn = Date.parse(s.sessionEndsAt!) - Date.now();
      expect(endsIn).toBeGreaterThan(8 * 3_600_000 - 60_000);
      expect(endsIn).toBeLessThanOrEqual(8 * 3_600_000);
    }

    await d.stop();
    const everyOther = [...hooks.team.requests, ...hooks.ops.requests].map((r) => r.body);
    expect(received(hooks.team).map((e) => e.type)).toContain('session.reauth_required');
    expect(received(hooks.ops).map((e) => e.type)).toContain('session.restored');
    const logs = await Promise.all(
      (await readdir(join(dir, 'state'))).map((f) => readFile(join(dir, 'state', f), 'utf8').catch(() => '')),
    );
    for (const { userCode } of pending) {
      for (const text of [...everyOther, d.stdout, d.stderr, ...logs]) {
        expect(text).not.toContain(userCode);
        expect(text).not.toContain('/device?');
      }
    }
    expect(everyOther.join('\n')).not.toContain('login.pending');
    const everything = [...everyOther, ...hooks.me.requests.map((r) => r.body), d.stdout, d.stderr, ...logs];
    expect(leakedSecrets(emulator.issuedSecrets(), everything)).toEqual([]);
  });
});
