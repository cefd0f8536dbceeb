import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCaptureServer, type CaptureServer } from '@sso-supervisor/core/testing';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import type { Browser } from 'playwright-core';
import { DaemonProcess, leakedSecrets, runCli } from './testing';

/** Debian's chromium package (scripts/ensure-test-tools.sh installs it). */
const CHROMIUM = '/usr/bin/chromium';
/** Screenshots of the page before and after the login; git-ignored. */
const ARTIFACTS = join(__dirname, '..', 'test-artifacts');

const CONFIG = `version: 1
defaults:
  schedule: "* * * * * *"
  threshold: 4s
  retry: { attempts: 2, baseDelay: 100ms, maxDelay: 200ms }
  timeout: 3s
reauth:
  mode: browser
notifiers:
  - name: me
    type: webhook
    url: \${ME_URL}
    private: true
  - name: team
    type: webhook
    url: \${TEAM_URL}
    events: ["*"]
log:
  level: debug
`;

const received = (hook: CaptureServer) =>
  hook.requests.map((r) => JSON.parse(r.body) as Record<string, string>);

(existsSync(CHROMIUM) ? describe : describe.skip)(
  'the status page in Chromium, with reauth.mode browser',
  () => {
    let world: World;
    let env: Record<string, string>;
    let hooks: Record<'me' | 'team', CaptureServer>;
    let daemon: DaemonProcess | undefined;
    let browser: Browser | undefined;

    beforeAll(async () => {
      world = await createWorld({
        prefix: 'status-page-',
        emulator: { accessTokenTtlSeconds: 6 },
        sessions: [
          { name: 'dev', profiles: ['dev-a'], accessTokenTtlSeconds: 6 },
          { name: 'prod', profiles: ['prod-a'], accessTokenTtlSeconds: 6 },
        ],
      });
      hooks = { me: await startCaptureServer(), team: await startCaptureServer() };
      const configFile = join(world.dir, 'supervisor.yaml');
      await writeFile(configFile, CONFIG);
      env = {
        ...world.home.env,
        SSO_SUPERVISOR_CONFIG: configFile,
        SSO_SUPERVISOR_STATE_DIR: join(world.dir, 'state'),
        ME_URL: hooks.me.url,
        TEAM_URL: hooks.team.url,
      };
      const { chromium } = await import('playwright-core');
      // Root in a container has no user namespaces for Chromium's sandbox.
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
      await mkdir(ARTIFACTS, { recursive: true });
    });

    afterAll(async () => {
      await browser?.close();
      await daemon?.stop();
      await Promise.all(Object.values(hooks).map((h) => h.close()));
      await world.close();
    });

    it('says when no daemon runs', async () => {
      for (const args of [['status', '--web'], ['open']]) {
        const run = await runCli(args, env);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('no daemon runs for the state folder');
      }
    });

    it('says when the daemon runs without its loopback server', async () => {
      const noServer = await world.withConfig('no-server', 'version: 1\nserver: { enabled: false }\n');
      const d = new DaemonProcess({ env: noServer });
      try {
        await d.waitFor(() => d.events('supervisor.started').length === 1);
        for (const args of [['status', '--web'], ['open']]) {
          const run = await runCli(args, noServer);
          expect(run.code).toBe(1);
          expect(run.stdout).toBe('');
          expect(run.stderr).toMatch(
            /runs without its loopback server: `server.enabled` is false in .*no-server\.yaml/,
          );
        }
      } finally {
        await d.stop();
      }
    });

    it('shows a revoked session, logs it in with the button, and sees it restored', async () => {
      const d = (daemon = new DaemonProcess({ env }));
      await d.waitFor(() => d.events('token.refreshed').length >= 2);
      // dev's refresh token as it is now (refreshes may have rotated it); prod keeps working.
      const cached = JSON.parse(await readFile(world.home.sessions.dev.cacheFile, 'utf8'));
      world.emulator.revokeRefreshToken(cached.refreshToken);
      await d.waitFor(() => d.events('session.reauth_required', 'dev').length === 1);

      // The link goes to the private notifier only, and never to the log.
      await d.waitFor(() => received(hooks.me).some((e) => e.type === 'session.reauth_required'));
      const link = received(hooks.me).find((e) => e.type === 'session.reauth_required')!.loginUrl;
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/login\/dev\?t=[A-Za-z0-9_-]{22}$/);
      await d.waitFor(() => received(hooks.team).some((e) => e.type === 'session.reauth_required'));
      for (const e of received(hooks.team)) expect(e).not.toHaveProperty('loginUrl');

      const web = await runCli(['status', '--web'], env);
      expect(web.code).toBe(0);
      const url = web.stdout.trim();
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/status\/[A-Za-z0-9_-]{32}$/);

      // One tab stays on the page to see it refresh by itself; the other presses "Log in".
      const watching = await browser!.newPage();
      await watching.goto(url);
      const row = (state: string) => `tr[data-session="dev"][data-state="${state}"]`;
      await watching.waitForSelector(row('reauth_required'));
      await watching.waitForSelector('tr[data-session="prod"][data-state="valid"]');
      await watching.screenshot({ path: join(ARTIFACTS, 'status-page-login-needed.png'), fullPage: true });

      const acting = await browser!.newPage();
      await acting.goto(url);
      await acting.click(`${row('reauth_required')} button:has-text("Log in")`);
      // POST, then the emulator's authorize page, which approves and sends the browser to the callback.
      await acting.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback\?/);
      expect(await acting.textContent('h1')).toBe('Signed in');

      await d.waitFor(() => d.events('session.restored', 'dev').length === 1);
      await watching.waitForSelector(row('valid'), { timeout: 15_000 });
      expect(await watching.textContent(`tr[data-session="dev"] ul.events`)).toContain(
        'dev is logged in again',
      );
      await watching.screenshot({ path: join(ARTIFACTS, 'status-page-restored.png'), fullPage: true });

      // The notification's link was spent when the session came back: it starts nothing now.
      const registered = world.emulator.calls.registerClient;
      await acting.goto(link);
      expect(await acting.textContent('h1')).toBe('Link already used');
      expect(world.emulator.calls.registerClient).toBe(registered);

      // `open` prints the URL and hands it to $BROWSER.
      const opener = join(world.dir, 'browser.sh');
      await writeFile(opener, `#!/bin/sh\necho "$1" > "${join(world.dir, 'opened.txt')}"\n`, { mode: 0o755 });
      const open = await runCli(['open'], { ...env, BROWSER: opener });
      expect(open.stdout.trim()).toBe(url);
      for (let i = 0; i < 50 && !existsSync(join(world.dir, 'opened.txt')); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await readFile(join(world.dir, 'opened.txt'), 'utf8')).trim()).toBe(url);

      const html = await watching.content();
      await d.stop();
      const stateDir = join(world.dir, 'state');
      const files = await Promise.all(
        (await readdir(stateDir)).map((f) => readFile(join(stateDir, f), 'utf8').catch(() => '')),
      );
      const key = url.split('/').pop()!;
      const token = new URL(link).searchParams.get('t')!;
      const logged = [d.stdout, d.stderr, ...files, ...hooks.team.requests.map((r) => r.body)];
      for (const text of logged) {
        expect(text).not.toContain(key);
        expect(text).not.toContain(token);
      }
      expect(html).not.toContain(token);
      const everything = [...logged, html, ...hooks.me.requests.map((r) => r.body)];
      expect(leakedSecrets(world.emulator.issuedSecrets(), everything)).toEqual([]);
    }, 90_000);
  },
);
