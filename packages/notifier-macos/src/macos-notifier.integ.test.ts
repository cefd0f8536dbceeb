import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SupervisorEvent } from '@sso-supervisor/notifier-api';
import ts from 'typescript';
import { createMacosNotifier } from './macos-notifier';

const TOOLS = ['xvfb-run', 'dbus-run-session', 'dunst', 'dunstctl', 'notify-send'];
const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);

const event: SupervisorEvent = {
  type: 'session.reauth_required',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'error',
  session: 'corp',
  message: 'refresh token rejected <InvalidGrant> & "no" $(way) back',
  command: 'aws sso login --sso-session corp',
};

/**
 * The notifier compiled from this source, with a script that sends EVENT_JSON through it. jest keeps
 * its own copy of process.env, which node-notifier's child processes never see, so the sending runs
 * in a plain Node process inside the D-Bus session. Built under node_modules/.cache so that the
 * package's dependencies resolve from it.
 */
function buildSender(): string {
  const cache = join(__dirname, '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'desktop-integ-'));
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(__dirname, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    writeFileSync(join(dir, file.replace(/\.ts$/, '.js')), outputText);
  }
  const send = `const { createMacosNotifier } = require('./macos-notifier.js');
const notifier = createMacosNotifier({ sound: true, appName: 'sso-supervisor-test' }, { name: 'me', logger: console, platform: 'linux' });
notifier.send(JSON.parse(process.env.EVENT_JSON)).catch((error) => { console.error(error.message); process.exit(1); });`;
  writeFileSync(join(dir, 'send.js'), send);
  return dir;
}

interface HistoryEntry {
  summary: { data: string };
  body: { data: string };
  appname: { data: string };
}

if (missing.length > 0) {
  // Install with: apt-get install -y --no-install-recommends dunst xvfb xauth libnotify-bin
  describe.skip(`desktop notification through dunst (missing: ${missing.join(', ')})`, () => {
    it('delivers a real notification', () => undefined);
  });
} else {
  describe(`${createMacosNotifier.name} on a real notification server`, () => {
    let dir: string;
    beforeAll(() => (dir = buildSender()));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('shows the summary and body in dunst, shell characters and markup intact', async () => {
      // Xvfb, a D-Bus session and dunst; the notifications are closed so they move to dunst's history.
      const session = `dunst >/dev/null 2>&1 & sleep 1; node send.js || echo SEND-FAILED; sleep 1; dunstctl close-all; sleep 0.5; dunstctl history`;
      const { stdout } = await promisify(execFile)(
        'xvfb-run',
        ['-a', 'dbus-run-session', '--', 'sh', '-c', session],
        {
          cwd: dir,
          env: { ...process.env, EVENT_JSON: JSON.stringify(event) },
          timeout: 30_000,
        },
      );
      expect(stdout).not.toContain('SEND-FAILED');
      const history = JSON.parse(stdout) as { data: HistoryEntry[][] };
      expect(history.data[0]).toHaveLength(1);
      const [shown] = history.data[0];
      expect(shown.summary.data).toBe('corp: Login required');
      // As sent: markup escaped for the server to render, shell characters untouched by the shell.
      expect(shown.body.data).toBe(
        'refresh token rejected &lt;InvalidGrant&gt; &amp; "no" $(way) back. Run: aws sso login --sso-session corp',
      );
      expect(shown.appname.data).toBe('sso-supervisor-test');
    });

    it('opens a login link when the notification is clicked (a dunst action)', async () => {
      const link = 'http://127.0.0.1:9/login/corp?t=click-me-once';
      const withLink = { ...event, message: 'corp needs a login', loginUrl: link };
      // BROWSER records what it was asked to open; `dunstctl action 0` is a click on the newest notification.
      const browser = join(dir, 'browser.sh');
      writeFileSync(browser, `#!/bin/sh\necho "$1" > "${join(dir, 'opened.txt')}"\n`, { mode: 0o755 });
      const session = `dunst >/dev/null 2>&1 & sleep 1; (node send.js || echo SEND-FAILED) & sleep 1.5; dunstctl history; echo ===; dunstctl action 0; sleep 1.5; cat opened.txt`;
      const { stdout } = await promisify(execFile)(
        'xvfb-run',
        ['-a', 'dbus-run-session', '--', 'sh', '-c', session],
        {
          cwd: dir,
          env: { ...process.env, EVENT_JSON: JSON.stringify(withLink), BROWSER: browser },
          timeout: 30_000,
        },
      );
      expect(stdout).not.toContain('SEND-FAILED');
      const [, after] = stdout.split('===');
      expect(after.trim()).toBe(link);
    });

    it('says once that there is no notification server outside a desktop session', async () => {
      // The same sender with notify-send installed but no D-Bus session, no X and no Wayland.
      const env = { PATH: process.env.PATH, EVENT_JSON: JSON.stringify(event) };
      const run = promisify(execFile)(process.execPath, ['send.js'], { cwd: dir, env, timeout: 30_000 });
      const failure = (await run.catch((error: { stdout: string; stderr: string }) => error)) as {
        stderr: string;
      };
      expect(failure.stderr.match(/no desktop notification server; this notifier/g)).toHaveLength(1);
      expect(failure.stderr).toContain('no desktop notification server: no desktop session');
    });
  });
}
