import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSessions, type SsoSession } from './aws-config/discover-sessions';
import { formatCachedToken } from './cache/cached-token';
import { SessionRefresher } from './engine/session-refresher';
import type { RefreshOptions } from './engine/refresh-session';
import { readSessionStatus } from './status/session-status';
import { FakeTokenRefresher } from './test-support/fake-token-refresher';
import { permissionsEnforced } from './test-support/permissions-enforced';
import { SECRET_MARK, sampleToken } from './test-support/sample-token';

// Every malformed input sits beside one healthy, due session: the broken one must be reported clearly
// (file, and field where there is one), left as it was, and must not disturb the healthy one.

const NOW = new Date('2026-11-22T09:00:00Z');
const THRESHOLD = 20 * 60_000;
const options: RefreshOptions = { thresholdMs: THRESHOLD, now: () => NOW };
const healthyToken = sampleToken(new Date(NOW.getTime() + 10 * 60_000));
const GOOD =
  '[profile good-dev]\nsso_session = good\n' +
  '[sso-session good]\nsso_start_url = https://d-123.awsapps.com/start\nsso_region = us-east-1\n';
const BROKEN =
  '[profile broken-dev]\nsso_session = broken\n' +
  '[sso-session broken]\nsso_start_url = https://d-456.awsapps.com/start\nsso_region = eu-west-1\n';

const NOT_JSON = 'is not valid JSON (truncated or corrupt)';
const NOT_OBJECT = 'is not a JSON object';
const NOT_TIME = 'is not an ISO 8601 timestamp with a zone';
const BOM =
  'starts with a byte-order mark (BOM), which the AWS CLI and SDKs cannot read; save it as UTF-8 without one';
const NO_CONFIG = 'no AWS config file here; run `aws configure sso` or set AWS_CONFIG_FILE';
const GOOD_REFRESHED = {
  session: 'good',
  id: 'good',
  outcome: 'refreshed',
  expiresAt: '2026-11-22T10:00:00Z',
};

let home: string;
let configFile: string;
let cacheDir: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'sso-bad-input-'));
  configFile = join(home, 'config');
  cacheDir = join(home, 'cache');
  await mkdir(cacheDir);
});
afterEach(async () => {
  await chmod(home, 0o700);
  await rm(home, { recursive: true, force: true });
});

/** What is at a path now, so a test can prove it was left alone. */
async function snapshot(file: string): Promise<string> {
  return readFile(file, 'latin1').catch((e: NodeJS.ErrnoException) => `<${e.code}>`);
}

/**
 * Status and one refresh pass over `sessions`, of which the first is the healthy one: it must come out
 * expiring, then refreshed, with the refresher seeing its grant and no other.
 */
async function passBesideHealthy(sessions: SsoSession[]) {
  const [good] = sessions;
  await writeFile(good.cacheFile, formatCachedToken(healthyToken));
  const fake = new FakeTokenRefresher(() => ({ accessToken: `${SECRET_MARK}-access-new`, expiresIn: 3600 }));
  const statuses = await Promise.all(sessions.map((s) => readSessionStatus(s, NOW, THRESHOLD)));
  const results = await new SessionRefresher(fake).refreshAll(sessions, () => options);

  expect(JSON.stringify([statuses, results])).not.toContain(SECRET_MARK);
  expect(statuses[0]).toMatchObject({ name: 'good', state: 'expiring', expiresAt: healthyToken.expiresAt });
  expect(results[0]).toEqual(GOOD_REFRESHED);
  expect(fake.grants.map((g) => g.refreshToken)).toEqual([healthyToken.refreshToken]);
  const written = JSON.parse(await readFile(good.cacheFile, 'utf8'));
  expect(written.accessToken).toBe(`${SECRET_MARK}-access-new`);
  return { statuses, results };
}

async function goodAndBroken(): Promise<SsoSession[]> {
  await writeFile(configFile, GOOD + BROKEN);
  const { sessions, findings } = await loadSessions(configFile, cacheDir);
  expect(findings).toEqual([]);
  return sessions;
}

/** `breakIt` spoils the broken session's cache file, or returns another path it spoiled instead. */
async function expectInvalidCache(breakIt: (file: string) => Promise<string | void>, detail: string) {
  const [good, loaded] = await goodAndBroken();
  const broken = { ...loaded, cacheFile: (await breakIt(loaded.cacheFile)) ?? loaded.cacheFile };
  const before = await snapshot(broken.cacheFile);

  const { statuses, results } = await passBesideHealthy([good, broken]);

  const message = `${broken.cacheFile}: ${detail}`;
  expect(statuses[1]).toMatchObject({ name: 'broken', state: 'invalid', expiresAt: null, detail: message });
  expect(results[1]).toEqual({ session: 'broken', id: 'broken', outcome: 'invalid', error: message });
  expect(await snapshot(broken.cacheFile)).toBe(before);
}

const token = (over: Record<string, unknown>) => JSON.stringify({ ...healthyToken, ...over });
const write = (content: string | Buffer) => async (file: string) => writeFile(file, content);
const garbage = Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a]);
/** A path through a regular file, which no one can read or write, root included. */
async function underAFile(file: string): Promise<string> {
  await writeFile(`${file}.d`, token({}));
  return join(`${file}.d`, 'token.json');
}

describe('malformed cache files', () => {
  it.each([
    ['an empty file', write(''), 'is empty'],
    ['whitespace only', write(' \n\t\n'), 'is empty'],
    ['truncated JSON', write(token({}).slice(0, 40)), NOT_JSON],
    ['binary garbage', write(garbage), NOT_JSON],
    ['a UTF-8 byte-order mark', write(`\ufeff${token({})}`), BOM],
    ['a JSON array', write('[{"accessToken": "a"}]'), NOT_OBJECT],
    ['JSON null', write('null'), NOT_OBJECT],
    ['a JSON number', write('42'), NOT_OBJECT],
    ['a JSON string', write('"token"'), NOT_OBJECT],
    ['a directory', async (file: string) => mkdir(file), 'is a directory, not a file'],
    ['a symlink loop', async (file: string) => symlink(file, file), 'is a symlink loop'],
    ['a path through a regular file', underAFile, 'a parent of it is not a directory'],
  ])('%s', async (_what, breakIt, detail) => {
    await expectInvalidCache(breakIt, detail);
  });

  it.each([
    ['accessToken', undefined, 'is missing'],
    ['accessToken', 12345, 'must be a string'],
    ['accessToken', '', 'is empty'],
    ['expiresAt', undefined, 'is missing'],
    ['expiresAt', 'yesterday', NOT_TIME],
    ['expiresAt', '1', NOT_TIME],
    ['expiresAt', '2026-11-22 10:00:00', NOT_TIME],
    ['expiresAt', '2026-13-45T00:00:00Z', NOT_TIME],
    ['expiresAt', '+275760-09-13T00:00:00.001Z', NOT_TIME],
    ['expiresAt', 1e308, 'must be a string'],
    ['registrationExpiresAt', 'never', NOT_TIME],
    ['refreshToken', null, 'must be a string'],
    ['clientId', { id: 1 }, 'must be a string'],
  ])('field %s set to %j', async (field, value, problem) => {
    await expectInvalidCache(write(token({ [field]: value })), `field ${field} ${problem}`);
  });

  it('a file this process may not read', async () => {
    if (await permissionsEnforced(home)) {
      await expectInvalidCache(
        async (file) => writeFile(file, token({}), { mode: 0o000 }),
        'cannot be read: permission denied',
      );
    } else {
      // Root reads anything whatever its mode.
      await expectInvalidCache(underAFile, 'a parent of it is not a directory');
    }
  });

  it('a dangling symlink reads as no token, the refresh result naming the file', async () => {
    const [good, broken] = await goodAndBroken();
    await symlink(join(home, 'nowhere.json'), broken.cacheFile);
    const { statuses, results } = await passBesideHealthy([good, broken]);
    const command = 'aws sso login --sso-session broken';
    expect(statuses[1]).toMatchObject({
      state: 'missing',
      cacheFile: broken.cacheFile,
      detail: `run ${command}`,
    });
    expect(results[1]).toEqual({
      session: 'broken',
      id: 'broken',
      outcome: 'reauth_required',
      error: `no cached token at ${broken.cacheFile}: run ${command}`,
      command,
    });
  });
});

const notInFile = (name: string) => `names sso-session "${name}", which is not in this file`;

describe('malformed AWS configs beside a healthy sso-session', () => {
  it.each([
    ['[sso-session b]\nsso_region = eu-west-1', 'sso-session b', 'sso_start_url', 'is required'],
    ['[sso-session b]\nsso_start_url = https://x/start', 'sso-session b', 'sso_region', 'is required'],
    ['[profile b-dev]\nsso_session = brokn', 'profile b-dev', 'sso_session', notInFile('brokn')],
    ['[profile old]\nsso_start_url = https://x/start', 'profile old', 'sso_region', 'is required'],
    ['[default]\nsso_session = ghost ; was corp', 'default', 'sso_session', notInFile('ghost')],
  ])('%j', async (text, section, field, message) => {
    await writeFile(configFile, `${GOOD}${text}\n`);
    const { sessions, findings } = await loadSessions(configFile, cacheDir);
    expect(findings).toEqual([{ severity: 'error', file: configFile, section, field, message }]);
    expect(sessions.map((s) => s.id)).toEqual(['good']);
    await passBesideHealthy(sessions);
  });

  it('a byte-order mark and CRLF line ends do not hide the first section', async () => {
    await writeFile(configFile, `\ufeff${GOOD.replace(/\n/g, '\r\n')}`);
    const { sessions, findings } = await loadSessions(configFile, cacheDir);
    expect(findings).toEqual([]);
    expect(sessions.map((s) => [s.id, s.profiles])).toEqual([['good', ['good-dev']]]);
  });
});

describe('an AWS config that cannot be read at all', () => {
  it.each([
    ['no file', async () => undefined, NO_CONFIG],
    ['a directory', async (file: string) => mkdir(file), 'is a directory, not a file'],
    ['a symlink loop', async (file: string) => symlink(file, file), 'cannot be read (ELOOP)'],
    ['a dangling symlink', async (file: string) => symlink(join(home, 'gone'), file), NO_CONFIG],
  ])('%s', async (_what, breakIt, message) => {
    await breakIt(configFile);
    const findings = [{ severity: 'error', file: configFile, message, whole: true }];
    expect(await loadSessions(configFile, cacheDir)).toEqual({ sessions: [], findings });
  });

  it('a file this process may not read', async () => {
    let file = configFile;
    let message = 'cannot be read (EACCES)';
    if (await permissionsEnforced(home)) await writeFile(file, GOOD, { mode: 0o000 });
    else {
      file = await underAFile(configFile);
      message = 'cannot be read (ENOTDIR)';
    }
    const findings = [{ severity: 'error', file, message, whole: true }];
    expect(await loadSessions(file, cacheDir)).toEqual({ sessions: [], findings });
  });
});
