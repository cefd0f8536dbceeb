import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../config/supervisor-config';
import { buildSetup, loadSetup } from './load-setup';

const AWS_CONFIG = `[sso-session corp]
sso_start_url = https://d-1.awsapps.com/start
sso_region = us-east-1

[sso-session other]
sso_start_url = https://d-2.awsapps.com/start
sso_region = eu-west-1

[profile dev]
sso_session = corp

[profile ops]
sso_session = other

[profile broken]
sso_session = gone
`;

describe(buildSetup.name, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'setup-'));
    await writeFile(join(dir, 'config'), AWS_CONFIG);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('knows every SSO session, supervised or not, with its settings or the defaults', async () => {
    const config = { ...defaultConfig(), sessions: [{ name: 'corp', threshold: 30 * 60_000 }] };
    const setup = await buildSetup(config, {
      awsConfigFile: join(dir, 'config'),
      cacheDir: join(dir, 'cache'),
      stateDir: join(dir, 'state'),
    });
    expect(setup.sessions.map((s) => s.name)).toStrictEqual(['corp', 'other']);
    const [corp, other] = setup.sessions;
    expect(setup.settingsFor(corp).threshold).toBe(30 * 60_000);
    expect(setup.settingsFor(other)).toBe(config.defaults);
    expect(setup.paths.stateDir).toBe(join(dir, 'state'));
    expect(setup.awsConfig.profiles.dev).toStrictEqual({ sso_session: 'corp' });
    expect(setup.findings).toMatchObject([{ section: 'profile broken', field: 'sso_session' }]);
  });
});

describe(loadSetup.name, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'load-setup-'));
    await writeFile(join(dir, 'config'), AWS_CONFIG);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const where = () => ({ env: { AWS_CONFIG_FILE: join(dir, 'config') }, cwd: dir, home: dir });

  it('runs on the defaults without a supervisor.yaml, every session supervised', async () => {
    const loaded = await loadSetup(where());
    if (!('setup' in loaded)) throw new Error('expected a setup');
    expect(loaded.setup.config.file).toBeNull();
    expect(loaded.setup.supervised.map((s) => s.session.id)).toStrictEqual(['corp', 'other']);
    expect(loaded.setup.unmatched).toStrictEqual([]);
  });

  it('returns the errors of a wrong supervisor.yaml instead of throwing', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'version: 2\n');
    const loaded = await loadSetup({ ...where(), config: file });
    expect(loaded).toMatchObject({ errors: [{ file, path: 'version' }], warnings: [] });
  });

  it('keeps a listed session the AWS config lacks as unmatched, with the sessions it has', async () => {
    const file = join(dir, 'listed.yaml');
    await writeFile(file, 'version: 1\nsessions:\n  - name: gone\n  - name: corp\n', { mode: 0o600 });
    const loaded = await loadSetup({ ...where(), config: file });
    if (!('setup' in loaded)) throw new Error('expected a setup');
    expect(loaded.setup.unmatched).toMatchObject([{ path: 'sessions[0].name' }]);
    expect(loaded.setup.supervised.map((s) => s.session.id)).toStrictEqual(['corp']);
    expect(loaded.setup.sessions).toHaveLength(2);
  });
});
