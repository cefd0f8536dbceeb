import { readFile } from 'node:fs/promises';
import { writeCachedLogin } from '@sso-supervisor/emulator';
import { ChaosWorld } from './support/chaos-world';
import type { DaemonProcess } from '@sso-supervisor/cli/testing';

const SESSIONS = ['dev', 'prod', 'legacy'];

function newLogin(world: ChaosWorld, name: string): Promise<void> {
  const { startUrl, cacheFile } = world.home.sessions[name];
  return writeCachedLogin(cacheFile, world.emulator.seedLogin({ startUrl, region: 'us-east-1' }));
}

const count = (d: DaemonProcess, type: string, session: string | null) => d.events(type, session).length;

/**
 * The whole system with every secret the emulator hands out on the move: refreshes, failures (an answer
 * carrying only a new refresh token among them), dead refresh tokens and registrations, new logins,
 * webhook notifications, debug logs, the state file and the one-shot commands. Every byte produced is
 * scanned for every access token, refresh token and client secret issued, and the webhook secret.
 */
describe('secrets in everything sso-supervisor produces', () => {
  it('none of them, anywhere', async () => {
    const world = await ChaosWorld.create('secrets', {
      sessions: [
        { name: 'dev', profiles: ['dev-a', 'dev-b'] },
        { name: 'prod', profiles: ['prod-a'] },
        { name: 'legacy', profiles: ['legacy'], legacy: true },
      ],
    });
    // The legacy session's events carry `session: null`; its profile names it.
    const id = (name: string) => (name === 'legacy' ? null : name);
    const every =
      (d: DaemonProcess, type: string, n = 1) =>
      () =>
        SESSIONS.every((s) => count(d, type, id(s)) >= n);
    try {
      const d = world.startDaemon();
      await d.waitFor(every(d, 'token.refreshed'));

      world.emulator.injectFault('createToken', { kind: 'status', status: 500 }, 4);
      world.emulator.injectFault('createToken', { kind: 'missing-field', field: 'accessToken' }, 2);
      world.emulator.injectFault('createToken', { kind: 'malformed' }, 2);
      await d.waitFor(() => d.events('token.refresh_failed').length >= 1);
      await d.waitFor(every(d, 'token.refreshed', 3));

      const oneShots = [
        ['status'],
        ['status', '--json'],
        ['refresh', '--json'],
        ['refresh', '--force', '--json'],
        ['validate'],
        ['validate', '--json'],
        ['notify', 'test'],
      ];
      for (const args of oneShots) expect([0, 1]).toContain((await world.cli(args)).code);

      world.emulator.revokeAllRefreshTokens();
      await d.waitFor(every(d, 'session.reauth_required'));
      for (const s of SESSIONS) await newLogin(world, s);
      await d.waitFor(every(d, 'session.restored'));
      const devClient = JSON.parse(await readFile(world.home.sessions.dev.cacheFile, 'utf8')).clientId;
      world.emulator.expireRegistration(devClient);
      await d.waitFor(() => count(d, 'session.reauth_required', 'dev') >= 2);
      expect(await world.cli(['refresh', '--force', '--json'])).toMatchObject({ code: 1 });
      await newLogin(world, 'dev');
      await d.waitFor(() => count(d, 'session.restored', 'dev') >= 2);
      expect(await d.stop()).toBe(0);
      for (const args of [
        ['status', '--json'],
        ['logs', '-n', '10000'],
      ])
        await world.cli(args);

      // The scan must have had something to look at, and must be able to find a secret.
      const types = new Set(world.deliveries().map((e) => e.type));
      for (const type of [
        'token.refreshed',
        'token.refresh_failed',
        'session.reauth_required',
        'session.restored',
      ])
        expect(types).toContain(type);
      const produced = await world.produced();
      const logFile = produced.find((p) => p.source.endsWith('supervisor.log'));
      expect(logFile?.text).toContain('"event":"session.reauth_required"');
      expect(produced.some((p) => p.source.endsWith('state.json'))).toBe(true);
      expect(world.emulator.issuedSecrets().length).toBeGreaterThan(30);
      const cached = await readFile(world.home.sessions.prod.cacheFile, 'utf8');
      expect(world.emulator.issuedSecrets().some((s) => cached.includes(s))).toBe(true);

      expect(await world.leaks()).toEqual([]);
    } finally {
      await world.close();
    }
  }, 120_000);
});
