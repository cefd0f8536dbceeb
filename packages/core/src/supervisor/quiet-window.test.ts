import { defaultConfig } from '../config/supervisor-config';
import { type RefreshResult, withCacheView } from '../engine/refresh-session';
import { RECHECK_MS, quietUntil } from './quiet-window';

const NOW = Date.parse('2026-11-22T09:00:00.000Z');
const MIN = 60_000;
const DAY = 86_400_000;
const settings = defaultConfig().defaults; // threshold 20 min, registration 3 days, session 30 min ahead
const at = (ms: number) => new Date(NOW + ms).toISOString();

function skipped(expiresInMs: number, registrationInMs = 60 * DAY): RefreshResult {
  const result: RefreshResult = {
    session: 'corp',
    id: 'corp',
    outcome: 'skipped',
    expiresAt: at(expiresInMs),
  };
  return withCacheView(result, { decidedOn: 'f', left: 'f', registrationExpiresAt: at(registrationInMs) });
}

const quiet = (
  result: RefreshResult,
  more: { loginAt?: string; held?: boolean; sessionDuration?: number } = {},
) =>
  quietUntil({
    result,
    settings: {
      ...settings,
      ...(more.sessionDuration !== undefined && { sessionDuration: more.sessionDuration }),
    },
    loginAt: more.loginAt,
    held: more.held ?? false,
    now: NOW,
  });

describe(quietUntil.name, () => {
  it('is quiet for RECHECK_MS at most, and not past the token refresh point', () => {
    expect(quiet(skipped(60 * MIN))).toBe(NOW + RECHECK_MS);
    // Threshold 20 minutes: the refresh point of a token that ends in 20 minutes and 15 seconds.
    expect(quiet(skipped(20 * MIN + 15_000))).toBe(NOW + 15_000);
  });

  it('is never quiet after a pass that did anything but skip, while held, or without an expiry', () => {
    const r = skipped(60 * MIN);
    expect(quiet({ ...r, outcome: 'refreshed' })).toBe(0);
    expect(quiet({ ...r, outcome: 'failed' })).toBe(0);
    expect(quiet(r, { held: true })).toBe(0);
    expect(quiet({ ...r, expiresAt: undefined })).toBe(0);
    expect(quiet({ ...r, expiresAt: 'not a date' })).toBe(0);
  });

  it('stops at the start of the registration warning window, and is never quiet inside it', () => {
    expect(quiet(skipped(60 * MIN, 3 * DAY + 10_000))).toBe(NOW + 10_000);
    expect(quiet(skipped(60 * MIN, 3 * DAY))).toBe(0);
    expect(quiet(skipped(60 * MIN, 1 * DAY))).toBe(0);
    expect(quiet(skipped(60 * MIN, -1 * DAY))).toBe(NOW + RECHECK_MS); // ended: nothing left to warn about
  });

  it('stops at the start of the session-end warning window, counted from the login', () => {
    const loginAt = at(-8 * 60 * MIN);
    const eightHoursAndHalfAMinute = 8 * 60 * MIN + 30 * MIN + 20_000;
    expect(quiet(skipped(60 * MIN), { loginAt, sessionDuration: eightHoursAndHalfAMinute })).toBe(
      NOW + 20_000,
    );
    expect(quiet(skipped(60 * MIN), { loginAt, sessionDuration: 8 * 60 * MIN + 10 * MIN })).toBe(0);
    expect(quiet(skipped(60 * MIN), { sessionDuration: 8 * 60 * MIN })).toBe(NOW + RECHECK_MS);
  });
});
