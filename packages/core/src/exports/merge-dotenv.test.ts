import fc from 'fast-check';
import type { RoleCredentials } from '../credentials/role-cache';
import { mergeDotenv } from './merge-dotenv';

const CREDS: RoleCredentials = {
  accessKeyId: 'ASIANEWKEY0000000001',
  secretAccessKey: 'newSecret/Key+0000000000000000000000000',
  sessionToken: 'newSessionToken//abc+def==',
  expiration: new Date('2026-11-22T10:00:00.000Z'),
};
const OURS = [
  'AWS_ACCESS_KEY_ID=ASIANEWKEY0000000001',
  'AWS_SECRET_ACCESS_KEY=newSecret/Key+0000000000000000000000000',
  'AWS_SESSION_TOKEN=newSessionToken//abc+def==',
  'AWS_CREDENTIAL_EXPIRATION=2026-11-22T10:00:00.000Z',
];

function merged(text: string | null): string {
  const outcome = mergeDotenv(text, CREDS);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.text;
}

describe(mergeDotenv.name, () => {
  it('writes the four variables into a file that does not exist yet', () => {
    expect(merged(null)).toBe(OURS.map((l) => `${l}\n`).join(''));
  });

  it('rewrites ours in place, adds the missing ones after them, and keeps every other line byte for byte', () => {
    const before = [
      '# local settings, do not commit',
      'DATABASE_URL="postgres://localhost/app?x=1#frag"',
      '',
      'AWS_ACCESS_KEY_ID=ASIAOLD',
      "PRIVATE_KEY='-----BEGIN KEY-----",
      'AWS_SESSION_TOKEN=looks-like-ours-but-is-inside-a-quote',
      "-----END KEY-----'",
      '  export   API_KEY = xyz   # trailing comment',
      'NAME: dotenv colon form',
      'PORT=3000',
      '',
    ].join('\n');
    expect(merged(before)).toBe(
      [
        '# local settings, do not commit',
        'DATABASE_URL="postgres://localhost/app?x=1#frag"',
        '',
        OURS[0],
        OURS[1],
        OURS[2],
        OURS[3],
        "PRIVATE_KEY='-----BEGIN KEY-----",
        'AWS_SESSION_TOKEN=looks-like-ours-but-is-inside-a-quote',
        "-----END KEY-----'",
        '  export   API_KEY = xyz   # trailing comment',
        'NAME: dotenv colon form',
        'PORT=3000',
        '',
      ].join('\n'),
    );
  });

  it('keeps CRLF line breaks, and writes its own lines with them', () => {
    const before = 'A=1\r\nAWS_SESSION_TOKEN=old\r\nB=2\r\n';
    expect(merged(before)).toBe(['A=1', OURS[2], OURS[0], OURS[1], OURS[3], 'B=2', ''].join('\r\n'));
  });

  it('ends a last line that had no line break before adding after it', () => {
    expect(merged('A=1')).toBe(['A=1', ...OURS, ''].join('\n'));
    expect(merged('A=1\nAWS_ACCESS_KEY_ID=old')).toBe(['A=1', ...OURS, ''].join('\n'));
  });

  it('leaves a last line of ours without a line break when nothing follows it', () => {
    const full = ['A=1', 'AWS_ACCESS_KEY_ID=a', 'AWS_SECRET_ACCESS_KEY=b', 'AWS_SESSION_TOKEN=c'];
    const before = [...full, 'AWS_CREDENTIAL_EXPIRATION=d'].join('\n');
    expect(merged(before)).toBe(['A=1', ...OURS].join('\n'));
  });

  it('keeps `export` and indentation on our lines, and turns a multi-line value of ours into one line', () => {
    const before = '  export AWS_SESSION_TOKEN="first\nsecond"\nAWS_ACCESS_KEY_ID: a\nZ=1\n';
    expect(merged(before)).toBe([`  export ${OURS[2]}`, OURS[0], OURS[1], OURS[3], 'Z=1', ''].join('\n'));
  });

  it('keeps a byte order mark', () => {
    expect(merged('\uFEFFA=1\n')).toBe(['\uFEFFA=1', ...OURS, ''].join('\n'));
  });

  it('gives the same text back when the file already holds these credentials', () => {
    const once = merged('# x\r\nA=1\r\n');
    expect(merged(once)).toBe(once);
  });

  it('quotes a value the way `credentials --format dotenv` does', () => {
    const outcome = mergeDotenv(null, { ...CREDS, sessionToken: 'has space' });
    expect(outcome).toEqual({ ok: true, text: expect.stringContaining('AWS_SESSION_TOKEN="has space"\n') });
  });

  it.each([
    [
      'a line that is no assignment',
      'A=1\nthis is not dotenv\n',
      'line 2 is not KEY=value, a comment or a blank line',
    ],
    ['a key that is no identifier', 'A=1\n1BAD=2\n', 'line 2 is not KEY=value, a comment or a blank line'],
    [
      'a quote never closed',
      'A=1\nB="secret-value\nC=3\n',
      'line 2 opens a quoted value that is never closed',
    ],
    [
      'one of ours set twice',
      'AWS_SESSION_TOKEN=secret-a\nB=1\nexport AWS_SESSION_TOKEN=secret-b\n',
      'AWS_SESSION_TOKEN is set twice, on lines 1 and 3',
    ],
  ])('refuses %s, naming the line and never quoting it', (_what, text, problem) => {
    expect(mergeDotenv(text, CREDS)).toEqual({ ok: false, problem });
  });

  it('never changes a line that is not ours, whatever the other lines are', () => {
    const other = fc.oneof(
      fc.constantFrom('', '# comment', '   ', 'export X=1', 'Y: 2', 'Q="a # b"', "M='x\ny'"),
      fc.stringMatching(/^[A-Z][A-Z0-9_]{0,8}=[a-z0-9 ]{0,10}$/),
    );
    const ours = fc.constantFrom('AWS_ACCESS_KEY_ID=old', 'export AWS_SESSION_TOKEN=old');
    const file = fc
      .tuple(
        fc.array(fc.oneof(other, other, ours), { maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
      )
      .map(([lines, eol, endsWithBreak]) => lines.join(eol) + (endsWithBreak && lines.length ? eol : ''));
    const othersOf = (text: string) =>
      text.split(/\r?\n/).filter((l) => l !== '' && !/^(export )?AWS_[A-Z_]+=/.test(l));
    fc.assert(
      fc.property(file, (text) => {
        const outcome = mergeDotenv(text, CREDS);
        if (!outcome.ok) return /set twice/.test(outcome.problem);
        expect(othersOf(outcome.text)).toEqual(othersOf(text));
        for (const line of OURS) expect(outcome.text).toContain(line);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
