import fc from 'fast-check';

const name = fc.oneof(
  fc.constantFrom('dev', 'prod', '__proto__', 'constructor', 'toString', 'team.admin', 'a b', ''),
  fc.string({ maxLength: 8 }),
);
const header = fc.oneof(
  fc.tuple(fc.constantFrom('profile', 'sso-session', 'services'), name).map(([kind, n]) => `[${kind} ${n}]`),
  fc.constantFrom(
    '[default]',
    '[profile]',
    '[sso-session]',
    '[profile dev',
    'profile dev]',
    '[ profile  dev ]',
    '[]',
  ),
  fc.string({ maxLength: 12 }).map((s) => `[${s}]`),
);
const key = fc.oneof(
  fc.constantFrom(
    'sso_session',
    'sso_start_url',
    'sso_region',
    'sso_account_id',
    'sso_role_name',
    'sso_registration_scopes',
    'region',
    'credential_process',
    '__proto__',
  ),
  fc.string({ maxLength: 8 }),
);
const value = fc.oneof(
  fc.constantFrom(
    'dev',
    'https://d-1234567890.awsapps.com/start',
    'https://d-1234567890.awsapps.com/start/',
    'us-east-1',
    'not a region',
    '',
    '123456789012',
    'Developer',
    'sso:account:access, sso:other',
    'x # inline comment',
    'x ; inline comment',
  ),
  fc.string({ maxLength: 12 }),
);
const line = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(key, fc.constantFrom(' = ', '=', ' =', ': '), value).map((p) => p.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '# comment', '; comment', '  nested = value', '\t', '=') },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
);
const section = fc
  .tuple(header, fc.array(line, { maxLength: 6 }))
  .map(([h, lines]) => [h, ...lines].join('\n'));

/** A well-formed sso-session and profile whose cache file holds a live login, so some sessions are healthy. */
const HEALTHY = [
  '[sso-session dev]',
  'sso_start_url = https://d-1234567890.awsapps.com/start',
  'sso_region = us-east-1',
  'sso_registration_scopes = sso:account:access',
  '[profile dev-a]',
  'sso_session = dev',
  'sso_account_id = 123456789012',
  'sso_role_name = Developer',
].join('\n');

/** AWS config texts: sections and lines in any order and shape, sometimes around a healthy session. */
export const awsConfigArbitrary: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.oneof(section, line), { maxLength: 8 }),
    fc.boolean(),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([chunks, healthy, newline, bom]) => {
    const body = (healthy ? [HEALTHY, ...chunks] : chunks).join('\n').replace(/\n/g, newline);
    return bom ? `\ufeff${body}` : body;
  });
