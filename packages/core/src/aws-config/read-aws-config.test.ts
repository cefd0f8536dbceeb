import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAwsConfig, formatFinding } from './read-aws-config';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-awsconfig-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function config(text: string): Promise<string> {
  const file = join(dir, 'config');
  await writeFile(file, text);
  return file;
}

describe(readAwsConfig.name, () => {
  it('splits profiles from sso-sessions and leaves services sections out', async () => {
    const file = await config(
      [
        '[default]',
        'region = eu-west-1',
        '[profile dev]',
        'sso_session = corp',
        '[profile team.admin]',
        'sso_session = corp',
        '[sso-session corp]',
        'sso_start_url = https://d-123.awsapps.com/start',
        '[services local]',
        'sso_oidc =',
        '  endpoint_url = http://127.0.0.1:1',
      ].join('\n'),
    );
    expect(await readAwsConfig(file)).toEqual({
      profiles: {
        default: { region: 'eu-west-1' },
        dev: { sso_session: 'corp' },
        'team.admin': { sso_session: 'corp' },
      },
      ssoSessions: { corp: { sso_start_url: 'https://d-123.awsapps.com/start' } },
      findings: [],
    });
  });

  it('strips inline comments only where the JS SDK does: after whitespace', async () => {
    const file = await config(
      [
        '# a comment line',
        '[sso-session corp] ; trailing comment',
        'sso_region = us-east-1 # the region',
        'sso_start_url = https://d-123.awsapps.com/start#frag',
        'sso_registration_scopes = sso:account:access;kept',
        '; another comment line',
      ].join('\n'),
    );
    expect((await readAwsConfig(file)).ssoSessions).toEqual({
      corp: {
        sso_region: 'us-east-1',
        sso_start_url: 'https://d-123.awsapps.com/start#frag',
        sso_registration_scopes: 'sso:account:access;kept',
      },
    });
  });

  it('reports a missing file as a finding with what to do', async () => {
    const file = join(dir, 'none');
    expect(await readAwsConfig(file)).toEqual({
      profiles: {},
      ssoSessions: {},
      findings: [
        {
          severity: 'error',
          file,
          message: 'no AWS config file here; run `aws configure sso` or set AWS_CONFIG_FILE',
          whole: true,
        },
      ],
    });
  });

  it('reports a directory in place of the file', async () => {
    const file = join(dir, 'config');
    await mkdir(file);
    expect((await readAwsConfig(file)).findings).toEqual([
      { severity: 'error', file, message: 'is a directory, not a file', whole: true },
    ]);
  });

  it('reports a path that cannot be read with its error code', async () => {
    await writeFile(join(dir, 'file'), '');
    const file = join(dir, 'file', 'config');
    expect((await readAwsConfig(file)).findings).toEqual([
      { severity: 'error', file, message: 'cannot be read (ENOTDIR)', whole: true },
    ]);
  });

  it('reads the file again each time instead of serving a cached copy', async () => {
    const file = await config('[profile a]\nregion = x\n');
    await readAwsConfig(file);
    await writeFile(file, '[profile b]\nregion = y\n');
    expect((await readAwsConfig(file)).profiles).toEqual({ b: { region: 'y' } });
  });
});

describe(formatFinding.name, () => {
  it('puts file, section and field before the message', () => {
    expect(
      formatFinding({
        severity: 'error',
        file: '/c',
        section: 'profile dev',
        field: 'sso_region',
        message: 'is required',
      }),
    ).toBe('/c: [profile dev] sso_region: is required');
  });

  it('leaves out what it does not have', () => {
    expect(formatFinding({ severity: 'error', file: '/c', message: 'is a directory, not a file' })).toBe(
      '/c: is a directory, not a file',
    );
    expect(formatFinding({ severity: 'warning', file: '/c', section: 'sso-session x', message: 'm' })).toBe(
      '/c: [sso-session x]: m',
    );
  });
});
