import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { readCachedToken } from '../cache/read-cached-token';
import { defaultConfig } from '../config/supervisor-config';
import { buildSetup, type Setup } from '../setup/load-setup';
import { RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { DaemonLogins } from './daemon-logins';
import { DaemonWeb } from './daemon-web';
import { startLoopbackServer, type LoopbackServer } from './loopback-server';
import { isLoopbackPeer, withWebRoutes } from './web-routes';

// A session name a page must escape (the AWS config takes it; quotes it would strip).
const ODD = 'x<img>&y';

/** The browser's two steps after our 303: the emulator's authorize page approves and sends it to the callback. */
async function followToCallback(location: string): Promise<string> {
  const res = await fetch(location);
  return res.text();
}

describe('login links and the status page (HTTP)', () => {
  let emulator: Emulator;
  let dir: string;
  let setup: Setup;
  let server: LoopbackServer;
  let web: DaemonWeb;
  let now: number;
  let origin: string;
  let logins: DaemonLogins;
  const loggedIn: string[] = [];
  const logger = new RecordingLogger();
  const restoreEnv = saveEnv();

  beforeAll(async () => {
    emulator = await startEmulator();
    Object.assign(process.env, emulator.env());
    dir = await mkdtemp(join(tmpdir(), 'web-routes-'));
    const home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'corp', profiles: ['dev'] },
      { name: 'gone', profiles: ['gone-a'], loggedIn: false },
      { name: ODD, profiles: ['odd-a'], loggedIn: false },
      { name: 'fresh', profiles: ['fresh-a'], loggedIn: false },
    ]);
    setup = await buildSetup(defaultConfig(), {
      awsConfigFile: home.configFile,
      cacheDir: home.cacheDir,
      stateDir: join(dir, 'state'),
    });
    now = Date.now();
    logins = new DaemonLogins({
      setup: () => setup,
      logger,
      onLoggedIn: (id) => loggedIn.push(id),
      timeoutMs: 20_000,
    });
    web = new DaemonWeb({ setup: () => setup, record: () => undefined, logins, logger, now: () => now });
    server = await startLoopbackServer({ port: 0, handler: withWebRoutes(web.handler(), () => {}) });
    web.listening(server.port);
    origin = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server.close();
    restoreEnv();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  const supervised = (name: string) => setup.supervised.find((s) => s.session.name === name)!;
  const link = (name: string) => web.loginUrl(supervised(name))!;

  it('a link starts a browser login once; the second use gets a page and starts nothing', async () => {
    const url = link('gone');
    expect(url).toMatch(new RegExp(`^${origin}/login/gone\\?t=[A-Za-z0-9_-]{22}$`));
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const location = first.headers.get('location')!;
    expect(location.startsWith(`${emulator.url}/authorize?`)).toBe(true);
    expect(await followToCallback(location)).toContain('Signed in');
    for (let i = 0; i < 50 && !loggedIn.includes('gone'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(loggedIn).toEqual(['gone']);
    const written = await readCachedToken(supervised('gone').session.cacheFile);
    expect(written.status).toBe('ok');

    const registered = emulator.calls.registerClient;
    const again = await fetch(url, { redirect: 'manual' });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Link already used');
    expect(emulator.calls.registerClient).toBe(registered);
  });

  it('an expired link, a made-up one, or one for another session gets a page and starts nothing', async () => {
    const registered = emulator.calls.registerClient;
    const url = link(ODD);
    now += 4 * 3_600_000 + 1; // past reauth.remind, the default lifetime
    const expired = await fetch(url, { redirect: 'manual' });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Link expired');
    const token = new URL(link(ODD)).searchParams.get('t')!;
    expect((await fetch(`${origin}/login/corp?t=${token}`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${origin}/login/gone?t=AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await fetch(`${origin}/login/%E0%A4%A?t=x`)).status).toBe(404);
    expect(emulator.calls.registerClient).toBe(registered);
  });

  it('a link for a session that needs no login starts nothing', async () => {
    const registered = emulator.calls.registerClient;
    const res = await fetch(link('corp'), { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Already logged in');
    expect(emulator.calls.registerClient).toBe(registered);
  });

  it('the status page needs its key; it escapes names and offers a login where one is needed', async () => {
    for (const path of [
      '/status/',
      `/status/${web.statusKey}x`,
      `/status/${web.statusKey.slice(1)}`,
      '/status/x',
    ])
      expect((await fetch(`${origin}${path}`)).status).toBe(404);
    const res = await fetch(`${origin}${web.statusPath}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).not.toContain('<img>');
    expect(html).toContain('x&#60;img&#62;&#38;y');
    const action = `${web.statusPath}/login/${encodeURIComponent(ODD)}`;
    expect(html).toContain(`action="${action}"`);
    expect(html).not.toContain(`action="${web.statusPath}/login/corp"`);
  });

  it('the page button (POST with the key) starts the login; a wrong key or a foreign Origin does not', async () => {
    const registered = emulator.calls.registerClient;
    const path = `/login/${encodeURIComponent(ODD)}`;
    const wrongKey = await fetch(`${origin}/status/${'A'.repeat(32)}${path}`, { method: 'POST' });
    expect(wrongKey.status).toBe(404);
    const foreign = await fetch(`${origin}${web.statusPath}${path}`, {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
      redirect: 'manual',
    });
    expect(foreign.status).toBe(400);
    expect(emulator.calls.registerClient).toBe(registered);
    const res = await fetch(`${origin}${web.statusPath}${path}`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(await followToCallback(res.headers.get('location')!)).toContain('Signed in');
  });

  it('refuses a Host that is not a loopback name (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: web.statusPath, headers: { host: 'evil.example' } },
        (res) => resolve(res.statusCode!),
      );
      req.on('error', reject).end();
    });
    expect(status).toBe(400);
  });

  it('stopping ends a login still waiting for the browser, and writes nothing', async () => {
    const session = supervised('fresh').session;
    const res = await fetch(`${origin}${web.statusPath}/login/fresh`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(logins.isRunning('fresh')).toBe(true);
    await logins.stop();
    expect(logins.isRunning('fresh')).toBe(false);
    expect((await readCachedToken(session.cacheFile)).status).toBe('missing');
    expect(await logins.start(supervised('fresh'))).toEqual({ error: 'the daemon is stopping' });
  });

  it('never writes a link token or the page key to the log', () => {
    const logged = JSON.stringify(logger.lines);
    expect(logged).not.toContain(web.statusKey);
    expect(logged).not.toMatch(/\?t=/);
    expect(logged).toContain('login link refused');
  });
});

describe(isLoopbackPeer.name, () => {
  it('takes 127.0.0.0/8 and ::1, also IPv4-mapped, and nothing else', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])
      expect(isLoopbackPeer(a)).toBe(true);
    for (const a of ['10.0.0.2', '::ffff:10.0.0.2', '192.168.1.1', 'fe80::1', '', undefined])
      expect(isLoopbackPeer(a)).toBe(false);
  });
});

// The loopback server binds nothing else, so a peer from the network is shown with the same routes on a
// plain server bound to this machine's own non-loopback address, where the peer address is that address.
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
(external ? describe : describe.skip)(`a request from ${external ?? 'a non-loopback address'}`, () => {
  it('is refused before the link is looked at, and the link still works from loopback', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'web-peer-'));
    const emulator = await startEmulator();
    const restore = saveEnv();
    Object.assign(process.env, emulator.env());
    const home = await createSsoHome(emulator, join(dir, 'home'), [
      { name: 'corp', profiles: ['dev'], loggedIn: false },
    ]);
    const setup = await buildSetup(defaultConfig(), {
      awsConfigFile: home.configFile,
      cacheDir: home.cacheDir,
      stateDir: join(dir, 'state'),
    });
    const logger = new RecordingLogger();
    const logins = new DaemonLogins({ setup: () => setup, logger, onLoggedIn: () => {}, timeoutMs: 5000 });
    const web = new DaemonWeb({ setup: () => setup, record: () => undefined, logins, logger });
    const handler = withWebRoutes(web.handler(), (_req, res) => res.end());
    const plain = createServer(handler);
    await new Promise<void>((resolve) => plain.listen(0, external, resolve));
    const port = (plain.address() as { port: number }).port;
    web.listening(port);
    try {
      const token = new URL(web.loginUrl(setup.supervised[0])!).searchParams.get('t');
      const res = await fetch(`http://${external}:${port}/login/corp?t=${token}`, { redirect: 'manual' });
      expect(res.status).toBe(403);
      expect((await fetch(`http://${external}:${port}${web.statusPath}`)).status).toBe(403);
      expect(emulator.calls.registerClient).toBe(0);
      expect(web.links.redeem('corp', token!)).toBe('valid');
    } finally {
      plain.close();
      restore();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
