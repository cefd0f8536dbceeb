import { withDaemonRecord } from './with-daemon-record';
import type { SessionStatus } from './session-status';

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

  it('shows a dead refresh token the file cannot show', () => {
    expect(withDaemonRecord(status('expiring'), record, true)).toMatchObject({
      state: 'reauth_required',
      detail: record.lastError,
    });
  });

  it('trusts the file once it holds a fresh login, and a stopped daemon plans no check', () => {
    expect(withDaemonRecord(status('valid'), record, true).state).toBe('valid');
    const stopped = withDaemonRecord(status('expiring'), record, false);
    expect(stopped).toMatchObject({ state: 'expiring', nextCheck: null, lastRefresh: record.lastRefresh });
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
