import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserCommand, createOpenBrowser } from './open-browser';

const URL_ = 'https://oidc.us-east-1.amazonaws.com/authorize?a=1&b=2';

describe(browserCommand.name, () => {
  it.each([
    ['linux', {}, { command: 'xdg-open', args: [URL_] }],
    ['darwin', {}, { command: 'open', args: [URL_] }],
    ['win32', {}, { command: 'rundll32', args: ['url.dll,FileProtocolHandler', URL_] }],
    ['linux', { BROWSER: 'firefox' }, { command: 'firefox', args: [URL_] }],
    ['darwin', { BROWSER: 'w3m:lynx' }, { command: 'w3m', args: [URL_] }],
    ['linux', { BROWSER: 'chromium --new-window %s' }, { command: 'chromium', args: ['--new-window', URL_] }],
    ['linux', { BROWSER: ' ' }, { command: 'xdg-open', args: [URL_] }],
  ] as const)('on %s with %j runs %j', (platform, env, expected) => {
    expect(browserCommand(URL_, platform, env)).toEqual(expected);
  });

  it('keeps a URL with shell characters one argument', () => {
    const url = 'http://x/?a=1;rm -rf /&b=$(id)';
    expect(browserCommand(url, 'linux', { BROWSER: 'browse' }).args).toEqual([url]);
  });
});

describe(createOpenBrowser.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'browser-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts $BROWSER with the URL', async () => {
    const script = join(dir, 'browser.sh');
    const out = join(dir, 'opened');
    await writeFile(script, `#!/bin/sh\nprintf '%s' "$1" > '${out}'\n`);
    await chmod(script, 0o755);
    await createOpenBrowser({ env: { BROWSER: script } })(URL_);
    for (let i = 0; i < 50 && !(await readFile(out, 'utf8').catch(() => '')); i += 1)
      await new Promise((r) => setTimeout(r, 20));
    expect(await readFile(out, 'utf8')).toBe(URL_);
  });

  it('rejects with the opener named when it does not exist', async () => {
    await expect(createOpenBrowser({ env: { BROWSER: join(dir, 'missing') } })(URL_)).rejects.toThrow(
      /cannot start .*missing.*ENOENT/,
    );
  });
});
