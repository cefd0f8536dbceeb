import { migrateLegacyProfiles } from './migrate-legacy-profiles';

const crlf = (lines: string[]) => lines.join('\r\n');

const BEFORE = crlf([
  '# my AWS config; keep this comment',
  '[default]',
  'sso_start_url = https://d-1234567890.awsapps.com/start',
  'sso_region = us-east-1',
  'sso_account_id = 111111111111',
  'sso_role_name = Admin',
  'region = eu-west-1 ; inline',
  '',
  '[profile dev]   # dev account',
  '; a comment inside',
  'sso_region=us-east-1',
  'sso_account_id = 222222222222',
  'sso_start_url = https://d-1234567890.awsapps.com/start',
  'sso_role_name = Dev',
  's3 =',
  '    max_concurrent_requests = 20',
  '',
  '[services local]',
  'sso_start_url = https://not-a-profile.example/start',
  '',
  '[profile static]',
  'aws_access_key_id = AKIA',
  '[sso-session d-1234567890]',
  'sso_start_url = https://other.awsapps.com/start',
  'sso_region = eu-west-1',
  '',
  '[profile eu]',
  'sso_start_url = https://d-1234567890.awsapps.com/start',
  'sso_region = eu-central-1',
  'sso_account_id = 333333333333',
  'sso_role_name = Dev',
  '',
]);

describe(migrateLegacyProfiles.name, () => {
  it('points legacy profiles at new sso-session blocks and keeps every other byte, CRLF included', () => {
    const out = migrateLegacyProfiles(BEFORE, '~/.aws/config');
    expect(out.changed).toBe(true);
    expect(out.text).toBe(
      crlf([
        '# my AWS config; keep this comment',
        '[default]',
        'sso_session = d-1234567890-us-east-1',
        'sso_account_id = 111111111111',
        'sso_role_name = Admin',
        'region = eu-west-1 ; inline',
        '',
        '[profile dev]   # dev account',
        '; a comment inside',
        'sso_session = d-1234567890-us-east-1',
        'sso_account_id = 222222222222',
        'sso_role_name = Dev',
        's3 =',
        '    max_concurrent_requests = 20',
        '',
        '[services local]',
        'sso_start_url = https://not-a-profile.example/start',
        '',
        '[profile static]',
        'aws_access_key_id = AKIA',
        '[sso-session d-1234567890]',
        'sso_start_url = https://other.awsapps.com/start',
        'sso_region = eu-west-1',
        '',
        '[profile eu]',
        'sso_session = d-1234567890-eu-central-1',
        'sso_account_id = 333333333333',
        'sso_role_name = Dev',
        '',
        '[sso-session d-1234567890-us-east-1]',
        'sso_start_url = https://d-1234567890.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_registration_scopes = sso:account:access',
        '',
        '[sso-session d-1234567890-eu-central-1]',
        'sso_start_url = https://d-1234567890.awsapps.com/start',
        'sso_region = eu-central-1',
        'sso_registration_scopes = sso:account:access',
        '',
      ]),
    );
    expect(out.sessions).toEqual([
      {
        name: 'd-1234567890-us-east-1',
        startUrl: 'https://d-1234567890.awsapps.com/start',
        region: 'us-east-1',
        created: true,
        profiles: ['default', 'dev'],
      },
      {
        name: 'd-1234567890-eu-central-1',
        startUrl: 'https://d-1234567890.awsapps.com/start',
        region: 'eu-central-1',
        created: true,
        profiles: ['eu'],
      },
    ]);
  });

  it('keeps lines outside the change byte for byte (no stray CR or LF)', () => {
    const out = migrateLegacyProfiles(BEFORE);
    const removed = /^(sso_start_url|sso_region) ?= ?https?:\/\/d-|^sso_region ?= ?(us-east-1|eu-central-1)$/;
    const kept = BEFORE.split('\r\n').filter((l) => !removed.test(l));
    const after = out.text.split('\r\n').filter((l) => !l.startsWith('sso_session = '));
    expect(after.slice(0, kept.length)).toEqual(kept);
    expect(out.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('shows a unified diff of the change', () => {
    const source =
      '[profile a]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nregion = us-east-1\n';
    const out = migrateLegacyProfiles(source, 'config');
    expect(out.preview).toBe(
      [
        '--- config',
        '+++ config',
        '@@ -1,4 +1,8 @@',
        ' [profile a]',
        '-sso_start_url = https://corp.awsapps.com/start',
        '+sso_session = corp',
        '-sso_region = us-east-1',
        ' region = us-east-1',
        '+',
        '+[sso-session corp]',
        '+sso_start_url = https://corp.awsapps.com/start',
        '+sso_region = us-east-1',
        '+sso_registration_scopes = sso:account:access',
        '',
      ].join('\n'),
    );
  });

  it('references a matching existing sso-session instead of adding one', () => {
    const source =
      '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n\n[profile a]\nsso_region = us-east-1\nsso_start_url = https://corp.awsapps.com/start\n';
    const out = migrateLegacyProfiles(source);
    expect(out.text).toBe(
      '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n\n[profile a]\nsso_session = corp\n',
    );
    expect(out.sessions[0]).toMatchObject({ name: 'corp', created: false });
  });

  it('picks a name no sso-session has yet', () => {
    const source =
      '[sso-session corp]\nsso_start_url = https://elsewhere/start\nsso_region = us-east-1\n[profile a]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1';
    const out = migrateLegacyProfiles(source);
    expect(out.sessions.map((s) => s.name)).toEqual(['corp-2']);
    expect(
      out.text.endsWith(
        '[sso-session corp-2]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
      ),
    ).toBe(true);
  });

  it('changes nothing without legacy profiles, and reports half-configured ones', () => {
    const source =
      '[profile a]\nsso_start_url = https://corp.awsapps.com/start\n[profile b]\nsso_session = x\nsso_region = us-east-1\n[profile c]\nregion = us-east-1\n';
    const out = migrateLegacyProfiles(source);
    expect(out).toMatchObject({ text: source, changed: false, preview: '' });
    expect(out.skipped).toEqual([
      { profile: 'a', reason: 'has sso_start_url without sso_region' },
      { profile: 'b', reason: 'has both sso_session and sso_start_url/sso_region; fix it by hand' },
    ]);
    expect(migrateLegacyProfiles(out.text).text).toBe(source);
  });

  it('is idempotent: a migrated config migrates to itself', () => {
    const once = migrateLegacyProfiles(BEFORE).text;
    expect(migrateLegacyProfiles(once)).toMatchObject({ text: once, changed: false });
  });
});
