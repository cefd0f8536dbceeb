import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator } from '@sso-supervisor/emulator';
import { saveEnv } from '@sso-supervisor/emulator/testing';
import { defaultConfig } from '../config/supervisor-config';
import { buildSetup } from '../setup/load-setup';
import { obtainRoleCredentials, type RoleCredentialsOptions } from './obtain-role-credentials';
import { resolveSsoProfile, type SsoProfile } from './resolve-session';

const MINUTE = 60_000;

/** When cached role credentials stop being handed out, against the emulator's portal with a chosen lifetime. */
describe('role credential renewal', () => {
  const restoreEnv = saveEnv();
  let emulator: Emulator;
  let dir: string;
  let profile: SsoProfile;
  let options: RoleCredentialsOptions;
  let clock: Date;

  async function start(roleCredentialTtlSeconds: number) {
    emulator = await startEmulator({ roleCredentialTtlSeconds });
    Object.assign(process.env, emulator.env());
    dir = await mkdtemp(join(tmpdir(), 'role-renewal-'));
    const home = await createSsoHome(emulator, join(dir, 'home'), [{ name: 'corp', profiles: ['dev'] }]);
    const paths = { awsConfigFile: home.configFile, cacheDir: home.cacheDir, stateDir: join(dir, 'state') };
    const found = resolveSsoProfile(await buildSetup(defaultConfig(), paths), 'dev');
    if (!('profile' in found)) throw new Error(found.failure.message);
    profile = found.profile;
    clock = new Date();
    // The default settings: credentialsRenewBefore 20m.
    options = { stateDir: paths.stateDir, settings: defaultConfig().defaults, now: () => clock };
  }
  const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * MINUTE));
  const source = async () => {
    const outcome = await obtainRoleCredentials(profile, options);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    return outcome.source;
  };

  afterEach(async () => {
    restoreEnv();
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('hands out hour-long credentials until 20 minutes are left, past botocore 15-minute window', async () => {
    await start(3600);
    expect(await source()).toBe('portal');
    later(39);
    expect(await source()).toBe('cache'); // 21 minutes left
    later(2);
    expect(await source()).toBe('portal'); // 19 left: renewed, not handed to botocore to re-run us at once
    expect(emulator.calls.getRoleCredentials).toBe(2);
  });

  it('renews credentials that live 10 minutes (under the margin) once half their lifetime has passed', async () => {
    await start(600);
    expect(await source()).toBe('portal');
    later(4.9);
    expect(await source()).toBe('cache');
    later(0.2);
    expect(await source()).toBe('portal');
    expect(emulator.calls.getRoleCredentials).toBe(2);
  });
});
