import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { DaemonProcess, leakedSecrets, runCli } from './testing';

const CONFIG = `version: 1
defaults:
  schedule: "* * * * * *"
  threshold: 20m
  retry: { attempts: 1, baseDelay: 100ms, maxDelay: 200ms }
`;

/** botocore's CreateToken (grant refresh_token), as its SSOTokenProvider sends it; prints the answer. */
const BOTOCORE_REFRESH = `
import json, sys, botocore.session
url, region, client_id, client_secret, refresh_token = sys.argv[1:6]
client = botocore.session.get_session().create_client(
    'sso-oidc', region_name=region, endpoint_url=url,
    aws_access_key_id='unused', aws_secret_access_key='unused')
r = client.create_token(grantType='refresh_token', clientId=client_id, clientSecret=client_secret,
                        refreshToken=refresh_token)
print(json.dumps({'accessToken': r['accessToken'], 'expiresIn': r['expiresIn'], 'refreshToken': r['refreshToken']}))
`;

/** A peer (botocore) that spends the refresh token first and writes what it won 2 s after our InvalidGrant. */
describe('a peer that wins the refresh and writes late', () => {
  let world: World;
  let emulator: Emulator;
  let home: SsoHome;

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'peer-late-',
      // Refreshed tokens stay under the threshold: the daemon refreshes again with whatever the file holds.
      emulator: { accessTokenTtlSeconds: 900 },
      sessions: [{ name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 600 }],
      config: CONFIG,
    });
    ({ emulator, home } = world);
  });

  afterEach(() => world.close());

  it('is no reason to ask for a login: no session.reauth_required, and the daemon goes on with its token', async () => {
    const file = home.sessions.corp.cacheFile;
    const old = JSON.parse(await readFile(file, 'utf8'));
    const { stdout } = await promisify(execFile)('python3', [
      '-c',
      BOTOCORE_REFRESH,
      emulator.url,
      old.region,
      old.clientId,
      old.clientSecret,
      old.refreshToken,
    ]);
    const won = JSON.parse(stdout);
    expect(emulator.calls.createToken.refresh_token).toBe(1);

    const d = new DaemonProcess({ env: world.env });
    try {
      // The daemon spends the same refresh token and gets InvalidGrant; the peer's write lands 2 s later.
      while (emulator.calls.createToken.refresh_token < 2) await sleep(20);
      await sleep(2000);
      const expiresAt = new Date(Date.now() + won.expiresIn * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
      await writeFile(
        file,
        JSON.stringify({ ...old, accessToken: won.accessToken, expiresAt, refreshToken: won.refreshToken }),
      );
      await d.waitFor(() => d.events('token.refreshed', 'corp').length >= 1);
    } finally {
      await d.stop();
    }
    expect(d.events('session.reauth_required')).toEqual([]);
    expect(leakedSecrets(emulator.issuedSecrets(), [d.stdout, d.stderr])).toEqual([]);
    const after = await runCli(['refresh', 'corp', '--force'], world.env);
    expect(after.code).toBe(0);
    expect(leakedSecrets(emulator.issuedSecrets(), [after.stdout, after.stderr])).toEqual([]);
  });
});
