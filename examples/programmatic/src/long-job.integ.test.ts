import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromSupervisor } from '@sso-supervisor/core';
import type { Emulator } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { longJob } from './long-job';
import { startStsStandIn, type StsStandIn } from './test-support/sts-stand-in';

/** Tokens live 4 s and role credentials 3 s, so a 12-second job outlives several of each. */
const TOKEN_TTL = 4;
const ROLE_TTL = 3;

describe(longJob.name, () => {
  let emulator: Emulator;
  let standIn: StsStandIn;
  let world: World;
  const restoreEnv = saveEnv();

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'long-job-',
      emulator: { accessTokenTtlSeconds: TOKEN_TTL, roleCredentialTtlSeconds: ROLE_TTL },
      sessions: [{ name: 'corp', profiles: ['dev'] }],
    });
    const { home } = world;
    emulator = world.emulator;
    standIn = await startStsStandIn(emulator.url);
    const { XDG_CONFIG_HOME: _c, XDG_STATE_HOME: _s, SSO_SUPERVISOR_STATE_DIR: _d, ...rest } = process.env;
    process.env = { ...rest, ...home.env, ...standIn.env, AWS_ENDPOINT_URL_SSO_OIDC: emulator.url };
  });

  afterAll(async () => {
    restoreEnv();
    await standIn.close();
    await world.close();
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
