import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SsoSession } from '../aws-config/discover-sessions';
import { formatCachedToken } from '../cache/cached-token';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK, sampleToken } from '../test-support/sample-token';
import { readSessionStatus, withDaemonRecord, type SessionStatus } from './session-status';

const NOW = new Date('2026-11-22T09:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const threshold = 20 * 60_000;

let dir: string;
let session: SsoSession;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sso-status-'));
  session = sampleSession(dir, 'corp');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const base = () => ({
  name: 'corp',
  startUrl: 'https://d-123.awsapps.com/start',
  region: 'us-east-1',
  profiles: ['corp-dev'],
  cacheFile: session.cacheFile,
});

describe(readSessionStatus.name, () => {
  it.each([
    ['valid', 40, '2026-11-22T09:40:00Z', 2400],
    ['expiring', 10, '2026-11-22T09:10:00Z', 600],
    ['expired', -3, '2026-11-22T08:57:00Z', -180],
  ])('says %s with the time left', async (state, left, expiresAt, secondsLeft) => {
    await writeFile(session.cacheFile, formatCachedToken(sampleToken(minutes(left))));
    const status = await readSessionStatus(session, NOW, threshold);
    expect(status).toEqual({ ...base(), state, expiresAt, secondsLeft });
    expect(JSON.stringify(status)).not.toContain(SECRET_MARK);
  });

  it('says reauth_required with the reason and the login command when due and not refreshable', async () => {
    await writeFile(
      session.cacheFile,
      formatCachedToken(sampleToken(minutes(10), { refreshToken: undefined })),
    );
    expect(await readSessionStatus(session, NOW, threshold)).toEqual({
      ...base(),
      state: 'reauth_required',
      expiresAt: '2026-11-22T09:10:00Z',
      secondsLeft: 600,
      detail:
        'no refreshToken in the cache file, so it cannot be refreshed: run aws sso login --sso-session corp',
    });
  });

  it('says missing with the login command when there is no cache file', async () => {
    expect(await readSessionStatus(session, NOW, threshold)).toEqual({
      ...base(),
      state: 'missing',
      expiresAt: null,
      secondsLeft: null,
      detail: 'run aws sso login --sso-session corp',
    });
  });

  it('says invalid with the file and field for a malformed cache file', async () => {
    await writeFile(
      session.cacheFile,
      JSON.stringify({ accessToken: `${SECRET_MARK}-a`, expiresAt: 'soon' }),
    );
    const status = await readSessionStatus(session, NOW, threshold);
    expect(status).toEqual({
      ...base(),
      state: 'invalid',
      expiresAt: null,
      secondsLeft: null,
      detail: `${session.cacheFile}: field expiresAt is not an ISO 8601 timestamp with a zone`,
    });
    expect(JSON.stringify(status)).not.toContain(SECRET_MARK);
  });

  it('gives a legacy session a null name', async () => {
    const legacy = { ...session, id: 'legacy:https://d-123.awsapps.com/start', name: null };
    await writeFile(legacy.cacheFile, formatCachedToken(sampleToken(minutes(40))));
    expect(await readSessionStatus(legacy, NOW, threshold)).toMatchObject({ name: null, state: 'valid' });
  });
});

const status = (state: SessionStatus['state']): SessionStatus => ({
  name: 'corp',
  startUrl: 'https://d.awsapps.com/start',
  region: 'us-east-1',
  profiles: ['dev'],
  cacheFile: '/c.json',
  state,
  expiresAt: '2026-11-22T10:00:00Z',
  secondsLeft: 60,
});
const record = {
  name: 'corp',
  consecutiveFailures: 0,
  lastRefresh: '2026-11-22T09:00:00.000Z',
  nextCheck: '2026-11-22T09:01:00.000Z',
  state: 'reauth_required',
  stateSince: '2026-11-22T08:59:00.000Z',
  lastError: 'refresh token rejected (InvalidGrantException): run aws sso login --sso-session corp',
};

describe(withDaemonRecord.name, () => {
  it('adds last refresh and next check while the daemon runs', () => {
    expect(withDaemonRecord(status('valid'), { ...record, state: undefined }, true)).toMatchObject({
      state: 'valid',
      lastRefresh: record.lastRefresh,
      nextCheck: record.nextCheck,
    });
  });

  it('shows a dead refresh token the file cannot show, with the daemon running or stopped', () => {
    for (const state of ['valid', 'expiring', 'expired'] as const) {
      for (const running of [true, false]) {
        expect(withDaemonRecord(status(state), record, running)).toMatchObject({
          state: 'reauth_required',
          detail: record.lastError,
          lastResult: { outcome: 'reauth_required', at: record.stateSince, error: record.lastError },
        });
      }
    }
  });

  it('trusts the file once it was written after the verdict (a new login), and a stopped daemon plans no check', () => {
    const loginAt = Date.parse(record.stateSince) + 1000;
    expect(withDaemonRecord(status('valid'), record, true, loginAt).state).toBe('valid');
    const before = Date.parse(record.stateSince) - 1000;
    expect(withDaemonRecord(status('valid'), record, true, before).state).toBe('reauth_required');
    const stopped = withDaemonRecord(status('expiring'), { ...record, state: undefined }, false);
    expect(stopped).toMatchObject({ state: 'expiring', nextCheck: null, lastRefresh: record.lastRefresh });
  });

  it('gives the last result: a failure streak since when, or the last refresh', () => {
    const failed = { ...record, state: 'failed', lastError: 'timeout' };
    expect(withDaemonRecord(status('expiring'), failed, true)).toMatchObject({
      state: 'expiring',
      lastResult: { outcome: 'failed', at: record.stateSince, error: 'timeout' },
    });
    expect(withDaemonRecord(status('valid'), { ...record, state: undefined }, true).lastResult).toEqual({
      outcome: 'refreshed',
      at: record.lastRefresh,
    });
  });

  it('shows the estimated session end while the daemon runs, and none once it stopped', () => {
    const ends = { ...record, state: undefined, sessionEndsAt: '2026-11-22T17:00:00.000Z' };
    expect(withDaemonRecord(status('valid'), ends, true).sessionEndsAt).toBe(ends.sessionEndsAt);
    expect(withDaemonRecord(status('valid'), ends, false)).not.toHaveProperty('sessionEndsAt');
    expect(withDaemonRecord(status('valid'), { ...ends, sessionEndsAt: undefined }, true)).not.toHaveProperty(
      'sessionEndsAt',
    );
  });

  it('leaves the status alone without a record', () => {
    expect(withDaemonRecord(status('expired'), undefined, true)).toEqual(status('expired'));
  });
});
