import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, writeAwsCliDataPath, type Emulator } from '@sso-supervisor/emulator';
import type { SsoSession } from '../aws-config/discover-sessions';
import { writeCachedToken } from '../cache/write-cached-token';
import { createOpenBrowser } from './open-browser';
import { pkceLogin, type PkceLoginResult } from './pkce-login';

const SESSION: SsoSession = {
  id: 'corp',
  name: 'corp',
  startUrl: 'https://d-123.awsapps.com/start',
  region: 'us-east-1',
  registrationScopes: [],
  profiles: ['dev'],
  cacheFile: '/nonexistent/never-written.json',
  loginCommand: 'sso-supervisor login corp',
};
const KEY_ORDER = [
  'startUrl',
  'region',
  'accessToken',
  'expiresAt',
  'clientId',
  'clientSecret',
  'registrationExpiresAt',
  'refreshToken',
];

/** A person's browser: GET the authorize URL and follow the redirect to the loopback server. */
async function follow(url: string): Promise<void> {
  await (await fetch(url, { redirect: 'follow' })).text();
}

describe(pkceLogin.name, () => {
  let emulator: Emulator;
  const saved = { ...process.env };
  let results: PkceLoginResult[];
  beforeEach(async () => {
    emulator = await startEmulator();
    Object.assign(process.env, emulator.env());
    results = [];
  });
  afterEach(async () => {
    process.env = { ...saved };
    // Results carry the token on success; errors and URLs never carry a secret.
    const text = JSON.stringify(results.map((r) => ('error' in r ? r.error : '')));
    expect(emulator.issuedSecrets().filter((s) => text.includes(s))).toEqual([]);
    await emulator.close();
  });
  const login = async (...args: Parameters<typeof pkceLogin>) => {
    const result = await pkceLogin(...args);
    results.push(result);
    return result;
  };

  it('logs in through the browser and returns a token the refresh grant accepts', async () => {
    const urls: string[] = [];
    const result = await login(SESSION, { openBrowser: follow, onAuthorizeUrl: (u) => urls.push(u) });
    expect(result.outcome).toBe('logged_in');
    if (result.outcome !== 'logged_in') return;
    expect(urls).toHaveLength(1);
    const authorize = new URL(urls[0]);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${emulator.url}/authorize`);
    expect(authorize.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/,
    );
    expect(authorize.searchParams.get('scopes')).toBe('sso:account:access');
    expect(Object.keys(result.token)).toEqual(KEY_ORDER);
    expect(result.token).toMatchObject({
      startUrl: SESSION.startUrl,
      region: 'us-east-1',
      registrationExpiresAt: result.registration.expiresAt,
    });
    expect(result.registration).toMatchObject({
      scopes: ['sso:account:access'],
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    expect(result.reusedRegistration).toBe(false);
    const oidc = new SSOOIDCClient({ region: 'us-east-1' });
    const refreshed = await oidc.send(
      new CreateTokenCommand({
        clientId: result.token.clientId,
        clientSecret: result.token.clientSecret,
        grantType: 'refresh_token',
        refreshToken: result.token.refreshToken,
      }),
    );
    expect(refreshed.accessToken).toMatch(/^aoa_/);
    oidc.destroy();
    expect(emulator.calls).toMatchObject({
      registerClient: 1,
      authorize: 1,
      createToken: { authorization_code: 1 },
    });
  });

  it('opens the browser through $BROWSER, a script that follows the redirect', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pkce-browser-'));
    const script = join(dir, 'browser');
    await writeFile(script, `#!${process.execPath}\nfetch(process.argv[2]).then((r) => r.text());\n`);
    await chmod(script, 0o755);
    const result = await login(SESSION, { openBrowser: createOpenBrowser({ env: { BROWSER: script } }) });
    expect(result.outcome).toBe('logged_in');
    await rm(dir, { recursive: true, force: true });
  });

  it('reuses a cached authorization-code registration, and registers anew for a device-code one', async () => {
    const first = await login(SESSION, { openBrowser: follow });
    if (first.outcome !== 'logged_in') throw new Error(first.error);
    const again = await login(SESSION, { openBrowser: follow, registration: first.registration });
    expect(again).toMatchObject({ outcome: 'logged_in', reusedRegistration: true });
    const device = { ...first.registration, grantTypes: [] };
    expect(await login(SESSION, { openBrowser: follow, registration: device })).toMatchObject({
      reusedRegistration: false,
    });
    expect(emulator.calls.registerClient).toBe(2);
  });

  it('survives a browser that opens the URL twice', async () => {
    const result = await login(SESSION, {
      openBrowser: async (url) => void (await Promise.all([follow(url), follow(url)])),
    });
    expect(result.outcome).toBe('logged_in');
    expect(emulator.calls.authorize).toBe(2);
  });

  it('does not wait for an opener that never returns (xdg-open waiting on the browser)', async () => {
    const result = await login(SESSION, {
      openBrowser: (url) => {
        void follow(url);
        return new Promise<void>(() => {});
      },
    });
    expect(result.outcome).toBe('logged_in');
  });

  it('says denied when the person refuses at the authorize page', async () => {
    emulator.setAuthorizeAnswer('deny');
    const result = await login(SESSION, { openBrowser: follow });
    expect(result).toEqual({
      outcome: 'denied',
      error: expect.stringMatching(/refused in the browser \(access_denied.*nothing was written$/),
    });
    expect(emulator.calls.createToken.authorization_code).toBe(0);
  });

  it('ignores a callback with a wrong state and takes the real one', async () => {
    const result = await login(SESSION, {
      openBrowser: async (url) => {
        const redirect = new URL(url).searchParams.get('redirect_uri')!;
        await (await fetch(`${redirect}?code=forged&state=forged`)).text();
        await follow(url);
      },
    });
    expect(result.outcome).toBe('logged_in');
  });

  it('times out with nothing returned when the person never finishes, and still prints the URL', async () => {
    const urls: string[] = [];
    const result = await login(SESSION, {
      openBrowser: async () => {},
      onAuthorizeUrl: (u) => urls.push(u),
      timeoutMs: 300,
    });
    expect(result).toEqual({
      outcome: 'timeout',
      error: expect.stringContaining('nobody finished the sign-in'),
    });
    expect(urls).toHaveLength(1);
  });

  it('goes on when the opener fails: the printed URL is the way in', async () => {
    const errors: Error[] = [];
    let url = '';
    const result = await login(SESSION, {
      openBrowser: async () => {
        throw new Error('no display');
      },
      onBrowserError: (e) => errors.push(e),
      onAuthorizeUrl: (u) => {
        url = u;
        setTimeout(() => void follow(url), 50);
      },
    });
    expect(result.outcome).toBe('logged_in');
    expect(errors.map((e) => e.message)).toEqual(['no display']);
  });

  it('fails before registering when the redirect port is taken', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    const result = await login(SESSION, { openBrowser: follow, redirectPort: port });
    expect(result).toEqual({
      outcome: 'failed',
      error: expect.stringContaining(`port ${port} on 127.0.0.1 is in use`),
    });
    expect(emulator.calls.registerClient).toBe(0);
    await new Promise((resolve) => other.close(resolve));
  });

  it('listens on a given redirect port', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    let redirect = '';
    const result = await login(SESSION, {
      redirectPort: port,
      openBrowser: (url) => {
        redirect = new URL(url).searchParams.get('redirect_uri')!;
        return follow(url);
      },
    });
    expect(result.outcome).toBe('logged_in');
    expect(redirect).toBe(`http://127.0.0.1:${port}/oauth/callback`);
  });

  (existsSync('/usr/bin/aws') ? it : it.skip)(
    "writes a cache Debian's AWS CLI 2 uses, and whose registration serves the CLI's own refresh",
    async () => {
      emulator.setAccessTokenTtl(600); // under botocore's 15 minutes: the CLI refreshes before using it
      const result = await login(SESSION, { openBrowser: follow });
      if (result.outcome !== 'logged_in') throw new Error(result.error);
      emulator.setAccessTokenTtl(3600);
      const home = await mkdtemp(join(tmpdir(), 'pkce-cli-'));
      const cacheFile = join(
        home,
        '.aws',
        'sso',
        'cache',
        `${createHash('sha1').update('corp').digest('hex')}.json`,
      );
      await mkdir(join(home, '.aws'), { recursive: true });
      await writeCachedToken(cacheFile, result.token, null);
      const config = `[sso-session corp]\nsso_start_url = ${SESSION.startUrl}\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n\n[profile dev]\nsso_session = corp\nsso_account_id = 111111111111\nsso_role_name = Dev\n`;
      await writeFile(join(home, '.aws', 'config'), config);
      await writeAwsCliDataPath(join(home, 'data'), emulator.url);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        HOME: home,
        AWS_CONFIG_FILE: join(home, '.aws', 'config'),
        AWS_DATA_PATH: join(home, 'data'),
      };
      delete env.AWS_PROFILE;
      const out = await promisify(execFile)(
        '/usr/bin/aws',
        ['configure', 'export-credentials', '--profile', 'dev'],
        { env },
      );
      expect(JSON.parse(out.stdout)).toMatchObject({
        Version: 1,
        AccessKeyId: expect.stringMatching(/^ASIA/),
      });
      expect(emulator.calls.refreshByClient[result.token.clientId!]).toBe(1);
      const rewritten = JSON.parse(await readFile(cacheFile, 'utf8'));
      expect(rewritten.accessToken).not.toBe(result.token.accessToken);
      expect(rewritten.clientId).toBe(result.token.clientId);
      await rm(home, { recursive: true, force: true });
    },
    60_000,
  );

  it('refuses a legacy profile, which logs in with the device code', async () => {
    const result = await login(
      { ...SESSION, name: null, id: `legacy:${SESSION.startUrl}` },
      { openBrowser: follow },
    );
    expect(result).toMatchObject({ outcome: 'failed', error: expect.stringContaining('device code') });
  });
});
