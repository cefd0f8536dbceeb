import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromSupervisor } from '@sso-supervisor/core';
import { createSsoHome, startEmulator, type Emulator } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { longJob } from './long-job';
import { startStsStandIn, type StsStandIn } from './test-support/sts-stand-in';

/** Tokens live 4 s and role credentials 3 s, so a 12-second job outlives several of each. */
const TOKEN_TTL = 4;
const ROLE_TTL = 3;

describe(longJob.name, () => {
  let emulator: Emulator;
  let standIn: StsStandIn;
  let dir: string;
  const restoreEnv = saveEnv();

  beforeAll(async () => {
    emulator = await startEmulator({ accessTokenTtlSeconds: TOKEN_TTL, roleCredentialTtlSeconds: ROLE_TTL });
    standIn = await startStsStandIn(emulator.url);
    dir = await mkdtemp(join(tmpdir(), 'long-job-'));
    const home = await createSsoHome(emulator, join(dir, 'home'), [{ name: 'corp', profiles: ['dev'] }]);
    const { XDG_CONFIG_HOME: _c, XDG_STATE_HOME: _s, SSO_SUPERVISOR_STATE_DIR: _d, ...rest } = process.env;
    process.env = { ...rest, ...home.env, ...standIn.env, AWS_ENDPOINT_URL_SSO_OIDC: emulator.url };
  });

  afterAll(async () => {
    restoreEnv();
    await standIn.close();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps an SDK client working across several token and role-credential lifetimes, with no login', async () => {
    emulator.resetCalls();
    const lines: string[] = [];
    const report = await longJob({
      profile: 'dev',
      steps: 30,
      stepDelayMs: 400,
      renewBeforeMs: 1000,
      thresholdMs: 2000,
      log: (line) => lines.push(line),
    });
    expect(report.identities).toHaveLength(30);
    expect(new Set(report.identities)).toStrictEqual(
      new Set(['arn:aws:sts::111111111111:assumed-role/Developer/long-job']),
    );
    expect(standIn.rejected).toStrictEqual([]);
    expect(emulator.calls.createToken.refresh_token).toBeGreaterThanOrEqual(3);
    expect(emulator.calls.getRoleCredentials).toBeGreaterThanOrEqual(4);
    expect(emulator.calls.createToken.device_code + emulator.calls.startDeviceAuthorization).toBe(0);
    const text = lines.join('\n');
    expect(emulator.issuedSecrets().filter((s) => text.includes(s))).toStrictEqual([]);
  }, 60_000);

  it('the stand-in refuses role credentials once they expire, so the run above proves renewal', async () => {
    const credentials = await fromSupervisor({ profile: 'dev', renewBeforeMs: 0 })();
    const frozen = new STSClient({ region: 'us-east-1', credentials });
    try {
      await frozen.send(new GetCallerIdentityCommand({}));
      await new Promise((resolve) =>
        setTimeout(resolve, credentials.expiration.getTime() - Date.now() + 200),
      );
      await expect(frozen.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
        name: 'ExpiredToken',
      });
    } finally {
      frozen.destroy();
    }
  });
});
