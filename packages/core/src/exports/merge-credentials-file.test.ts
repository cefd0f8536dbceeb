import type { RoleCredentials } from '../credentials/role-cache';
import { mergeCredentialsFile } from './merge-credentials-file';

const CREDS: RoleCredentials = {
  accessKeyId: 'ASIANEWKEY0000000001',
  secretAccessKey: 'newSecret/Key+0000000000000000000000000',
  sessionToken: 'newSessionToken//abc+def==',
  expiration: new Date('2026-11-22T10:00:00.000Z'),
};
const ID = `aws_access_key_id = ${CREDS.accessKeyId}`;
const KEY = `aws_secret_access_key = ${CREDS.secretAccessKey}`;
const TOKEN = `aws_session_token = ${CREDS.sessionToken}`;

function merged(text: string | null, section = 'dev'): string {
  const outcome = mergeCredentialsFile(text, section, CREDS);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.text;
}

const lines = (...rows: string[]) => rows.join('\n');

describe(mergeCredentialsFile.name, () => {
  it('writes the section into a file that does not exist yet', () => {
    expect(merged(null)).toBe(lines('[dev]', ID, KEY, TOKEN, ''));
  });

  it('rewrites the values of our section in place and keeps every other line byte for byte', () => {
    const before = lines(
      '# long-term keys, rotated by hand',
      '[default]',
      'aws_access_key_id = AKIAOTHER',
      'aws_secret_access_key = other-secret',
      '',
      '; exported by sso-supervisor',
      '[dev]',
      'aws_access_key_id=ASIAOLD',
      '# a note inside our section',
      'AWS_SECRET_ACCESS_KEY  =  old-secret',
      'aws_session_token = old-token',
      '',
      '# the prod account, below',
      '[prod]',
      'aws_access_key_id = AKIAPROD',
      'region: eu-west-1',
      's3 =',
      '    max_concurrent_requests = 20',
      '[profile dev]',
      'aws_access_key_id = not-this-one',
      '',
    );
    expect(merged(before)).toBe(
      before
        .replace('aws_access_key_id=ASIAOLD', `aws_access_key_id=${CREDS.accessKeyId}`)
        .replace('AWS_SECRET_ACCESS_KEY  =  old-secret', `AWS_SECRET_ACCESS_KEY  =  ${CREDS.secretAccessKey}`)
        .replace('aws_session_token = old-token', TOKEN),
    );
  });

  it('appends the section after a blank line, ending a last line that had no line break', () => {
    expect(merged('[default]\naws_access_key_id = A')).toBe(
      lines('[default]', 'aws_access_key_id = A', '', '[dev]', ID, KEY, TOKEN, ''),
    );
    expect(merged('[default]\nx = 1\n\n')).toBe(lines('[default]', 'x = 1', '', '[dev]', ID, KEY, TOKEN, ''));
  });

  it('keeps CRLF line breaks, and writes its own lines with them', () => {
    const before = '[default]\r\nx = 1\r\n[dev]\r\naws_session_token = old\r\n';
    expect(merged(before)).toBe(['[default]', 'x = 1', '[dev]', TOKEN, ID, KEY, ''].join('\r\n'));
  });

  it('adds missing keys after the last of ours, before comments that close the section', () => {
    const before = lines('[dev]', 'aws_access_key_id = old', '', '# next: prod', '[prod]', 'x = 1', '');
    expect(merged(before)).toBe(lines('[dev]', ID, KEY, TOKEN, '', '# next: prod', '[prod]', 'x = 1', ''));
    expect(merged(lines('[dev]', '; empty so far', '[prod]'))).toBe(
      lines('[dev]', ID, KEY, TOKEN, '; empty so far', '[prod]'),
    );
  });

  it('keeps the older aws_security_token current and adds aws_session_token, which the JS SDK reads', () => {
    const before = lines(
      '[dev]',
      'aws_access_key_id = a',
      'aws_secret_access_key = b',
      'aws_security_token = c',
      '',
    );
    expect(merged(before)).toBe(
      lines('[dev]', ID, KEY, `aws_security_token = ${CREDS.sessionToken}`, TOKEN, ''),
    );
  });

  it('writes the section it is given, matched exactly', () => {
    const before = lines(
      '[profile dev]',
      'x = 1',
      '[ dev ]',
      'y = 2',
      '[dev-keys]',
      'aws_access_key_id = old',
      '',
    );
    expect(merged(before, 'dev-keys')).toBe(
      before.replace('= old', `= ${CREDS.accessKeyId}`) + [KEY, TOKEN, ''].join('\n'),
    );
  });

  it('gives the same text back when the file already holds these credentials', () => {
    const once = merged('[default]\r\nx = 1\r\n');
    expect(merged(once)).toBe(once);
  });

  it.each([
    [
      'a key of its own in our section',
      lines('[dev]', 'aws_access_key_id = a', 'region = us-east-1'),
      'line 3, in [dev], is not one of aws_access_key_id, aws_secret_access_key, aws_session_token; the section is rewritten at each renewal, so move that line to another section',
    ],
    [
      'a continued value in our section',
      lines('[dev]', 'aws_session_token = a', '  secret-continued'),
      'line 3, in [dev], is not one of aws_access_key_id, aws_secret_access_key, aws_session_token; the section is rewritten at each renewal, so move that line to another section',
    ],
    [
      'a colon in our section',
      lines('[dev]', 'aws_session_token: a'),
      'line 2, in [dev], is not one of aws_access_key_id, aws_secret_access_key, aws_session_token; the section is rewritten at each renewal, so move that line to another section',
    ],
    [
      'a key named like an object member',
      lines('[dev]', 'constructor = x'),
      'line 2, in [dev], is not one of aws_access_key_id, aws_secret_access_key, aws_session_token; the section is rewritten at each renewal, so move that line to another section',
    ],
    [
      'one of our keys twice',
      lines('[dev]', 'aws_session_token = a', 'AWS_SESSION_TOKEN = b'),
      'aws_session_token is set twice in [dev], on lines 2 and 3',
    ],
    [
      'our section twice',
      lines('[dev]', 'aws_session_token = a', '[prod]', '[dev]'),
      '[dev] appears twice, on lines 1 and 4',
    ],
    [
      'text before any section',
      lines('AWS_ACCESS_KEY_ID=secret-a', '[dev]'),
      'line 1 comes before any [section]: not an AWS credentials file',
    ],
    [
      'a line that is no option',
      lines('[prod]', 'just words'),
      'line 2 is not a [section], key = value, comment or blank line',
    ],
  ])('refuses %s, naming the line and never quoting it', (_what, text, problem) => {
    expect(mergeCredentialsFile(text, 'dev', CREDS)).toEqual({ ok: false, problem });
  });

  it('refuses credentials that would break the file', () => {
    expect(mergeCredentialsFile(null, 'dev', { ...CREDS, sessionToken: 'a\n[evil]' })).toEqual({
      ok: false,
      problem: 'the role credentials hold a line break; not written',
    });
  });
});
