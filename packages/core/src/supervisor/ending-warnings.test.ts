import { defaultConfig } from '../config/supervisor-config';
import { sampleSession } from '../test-support/sample-session';
import { endingWarnings, type EndingInput, type WarningMemo } from './ending-warnings';

const T0 = new Date('2026-11-22T09:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(T0.getTime() + ms);
const session = sampleSession('/cache', 'corp');
const settings = { ...defaultConfig().defaults, sessionDuration: 8 * HOUR };

/** Runs the check at each time in turn, as a worker would, threading the memo; returns when each event came. */
function run(times: number[], input: Partial<EndingInput>): { at: number; event: string; message: string }[] {
  let memo: WarningMemo = {};
  const seen: { at: number; event: string; message: string }[] = [];
  for (const ms of times) {
    const out = endingWarnings({ session, settings, memo, now: at(ms), ...input });
    memo = out.memo;
    for (const e of out.events) seen.push({ at: ms, event: e.type, message: e.message });
  }
  return seen;
}

const every = (step: number, until: number) => Array.from({ length: until / step + 1 }, (_, i) => i * step);

describe(endingWarnings.name, () => {
  it('warns 3 days before the registration ends, then once a day until it has ended', () => {
    const registrationExpiresAt = at(5 * DAY).toISOString();
    const seen = run(every(HOUR, 6 * DAY), { registrationExpiresAt });
    expect(seen.map((s) => s.at)).toEqual([2 * DAY, 3 * DAY, 4 * DAY]);
    expect(seen[0]).toEqual({
      at: 2 * DAY,
      event: 'session.ending',
      message:
        'corp client registration ends 2026-11-27 09:00 UTC; silent refresh stops then. ' +
        'Run sso-supervisor login corp before, at a good moment, to renew it',
    });
  });

  it('warns sessionWarning before loginAt + sessionDuration, once per login', () => {
    const loginAt = T0.toISOString();
    const seen = run(every(60_000, 9 * HOUR), { loginAt });
    expect(seen).toEqual([
      {
        at: 7.5 * HOUR,
        event: 'session.ending',
        message:
          'corp Identity Center session ends about 17:00 UTC; log in at a good moment before then ' +
          '(sso-supervisor login corp)',
      },
    ]);
  });

  it('warns again for the next login, and sends the end time and the command with it', () => {
    let memo: WarningMemo = {};
    const first = endingWarnings({ session, settings, memo, now: at(7.6 * HOUR), loginAt: T0.toISOString() });
    memo = first.memo;
    const again = endingWarnings({ session, settings, memo, now: at(7.7 * HOUR), loginAt: T0.toISOString() });
    const nextLogin = at(8 * HOUR).toISOString();
    const next = endingWarnings({ session, settings, memo, now: at(15.6 * HOUR), loginAt: nextLogin });
    expect([first, again, next].map((r) => r.events.length)).toEqual([1, 0, 1]);
    expect(next.events[0]).toMatchObject({
      severity: 'warning',
      session: 'corp',
      profiles: ['corp-dev'],
      expiresAt: at(16 * HOUR).toISOString(),
      command: 'sso-supervisor login corp',
    });
  });

  it('says nothing without sessionDuration or loginAt, after the end, or with the warning set to 0', () => {
    const loginAt = T0.toISOString();
    const registrationExpiresAt = at(2 * DAY).toISOString();
    const noDuration = { ...settings, sessionDuration: undefined };
    expect(run([7.9 * HOUR], { loginAt, settings: noDuration })).toEqual([]);
    expect(run([7.9 * HOUR], {})).toEqual([]);
    expect(run([8 * HOUR], { loginAt })).toEqual([]);
    expect(run([2 * DAY, 3 * DAY], { registrationExpiresAt })).toEqual([]);
    const off = { ...settings, registrationWarning: 0, sessionWarning: 0 };
    expect(run([7.9 * HOUR, DAY], { loginAt, registrationExpiresAt, settings: off })).toEqual([]);
  });
});
