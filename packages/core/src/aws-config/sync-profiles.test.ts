import type { AccountRole } from './account-role';
import { blockMarkers, syncProfiles } from './sync-profiles';

const ROLES: AccountRole[] = [
  { accountId: '111111111111', accountName: 'dev', roleName: 'Admin' },
  { accountId: '111111111111', accountName: 'dev', roleName: 'ReadOnly' },
  { accountId: '222222222222', accountName: 'prod', roleName: 'ReadOnly' },
];
const USER =
  '# mine\r\n[sso-session corp]\r\nsso_start_url = https://corp.awsapps.com/start\r\nsso_region = us-east-1\r\n\r\n[profile prod-ReadOnly]\r\nregion = eu-west-1\r\n';
const { begin, end } = blockMarkers('corp');

describe(syncProfiles.name, () => {
  it('writes a marked block, skips a name the user owns, and keeps the rest byte for byte', () => {
    const out = syncProfiles(USER, { session: 'corp', accountRoles: ROLES, region: 'us-east-1' });
    expect(out.errors).toEqual([]);
    expect(out.text).toBe(
      USER +
        [
          '',
          begin,
          '[profile dev-Admin]',
          'sso_session = corp',
          'sso_account_id = 111111111111',
          'sso_role_name = Admin',
          'region = us-east-1',
          '',
          '[profile dev-ReadOnly]',
          'sso_session = corp',
          'sso_account_id = 111111111111',
          'sso_role_name = ReadOnly',
          'region = us-east-1',
          '',
          end,
          '',
        ].join('\r\n'),
    );
    expect(out.skipped).toEqual([
      { profile: 'prod-ReadOnly', reason: expect.stringContaining('outside the generated block') },
    ]);
    expect(out.profiles.map((p) => p.name)).toEqual(['dev-Admin', 'dev-ReadOnly']);
  });

  it('is idempotent: a second run changes nothing', () => {
    const once = syncProfiles(USER, { session: 'corp', accountRoles: ROLES }).text;
    const twice = syncProfiles(once, { session: 'corp', accountRoles: [...ROLES].reverse() });
    expect(twice).toMatchObject({ text: once, changed: false, preview: '' });
  });

  it('replaces only its block when accounts change, showing the difference', () => {
    const once = syncProfiles(USER + '[profile after]\r\nregion = x\r\n', {
      session: 'corp',
      accountRoles: ROLES.slice(0, 1),
    }).text;
    const later = syncProfiles(once, { session: 'corp', accountRoles: ROLES, file: 'config' });
    expect(later.changed).toBe(true);
    expect(later.text.startsWith(USER)).toBe(true);
    expect(later.text).toContain(`[profile after]\r\nregion = x\r\n\r\n${begin}\r\n`);
    expect(later.text.endsWith(`${end}\r\n`)).toBe(true);
    expect(later.preview.split('\n').filter((l) => /^[-+]/.test(l) && !/^(---|\+\+\+) /.test(l))).toEqual([
      '+[profile dev-ReadOnly]',
      '+sso_session = corp',
      '+sso_account_id = 111111111111',
      '+sso_role_name = ReadOnly',
      '+',
    ]);
  });

  it('keeps blocks of other sessions apart and treats their names as taken', () => {
    const corp = syncProfiles('', { session: 'corp', accountRoles: ROLES.slice(0, 1) }).text;
    const both = syncProfiles(corp, {
      session: 'other',
      accountRoles: ROLES,
      template: '{account_name}-{role_name}',
    });
    expect(both.skipped.map((s) => s.profile)).toEqual(['dev-Admin']);
    expect(both.text.startsWith(corp)).toBe(true);
    expect(syncProfiles(both.text, { session: 'corp', accountRoles: ROLES.slice(0, 1) }).changed).toBe(false);
  });

  it('fills every placeholder', () => {
    const out = syncProfiles('', {
      session: 'corp',
      accountRoles: [{ accountId: '3', accountName: 'Shared Services', roleName: 'Power User' }],
      template: '{session}.{account_id}.{account_name}.{role_name}',
    });
    expect(out.profiles.map((p) => p.name)).toEqual(['corp.3.Shared-Services.Power-User']);
  });

  it.each([
    [
      '{role_name}',
      /the template makes the profile name "ReadOnly" more than once: dev \(111111111111\) ReadOnly, prod \(222222222222\) ReadOnly/,
    ],
    ['{account_name} {role_name}', /invalid profile name "dev Admin"/],
    ['{account_name}-{rolename}', /unknown placeholder \{rolename\}/],
    ['[{account_id}]', /invalid profile name "\[111111111111\]"/],
  ])('refuses the template %s, naming the problem, and writes nothing', (template, message) => {
    const out = syncProfiles(USER, { session: 'corp', accountRoles: ROLES, template });
    expect(out.errors.join('\n')).toMatch(message);
    expect(out).toMatchObject({ text: USER, changed: false });
  });

  it('refuses a block whose END line was deleted', () => {
    const broken = `${begin}\n[profile x]\n`;
    expect(syncProfiles(broken, { session: 'corp', accountRoles: ROLES }).errors).toEqual([
      expect.stringContaining('missing its END line'),
    ]);
  });
});
