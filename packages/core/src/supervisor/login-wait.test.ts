import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentFingerprint, formatCachedToken } from '../cache/cached-token';
import type { RefreshResult } from '../engine/refresh-session';
import type { SupervisorEvent } from '../events/supervisor-event';
import { sampleSession } from '../test-support/sample-session';
import { SECRET_MARK, sampleToken } from '../test-support/sample-token';
import { LoginWait } from './login-wait';

const NOW = new Date('2026-11-22T09:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const dead: RefreshResult = {
  session: 'corp',
  id: 'corp',
  outcome: 'reauth_required',
  expiresAt: '2026-11-22T09:05:00Z',
};
const asked = {
  type: 'session.reauth_required',
  severity: 'error',
  session: 'corp',
  time: NOW.toISOString(),
  message: 'corp needs a login',
  command: 'aws sso login --sso-session corp',
} as SupervisorEvent;

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'sso-wait-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

describe(LoginWait.name, () => {
  it('reminds every reauth.remind with the time it waits since, and never with 0', () => {
    const wait = LoginWait.begin(null, null, dead, [asked], NOW);
    const hour = 60 * 60_000;
    const sent = [0, 30, 61, 90, 122].map((at) => wait.reminder(hour, NOW.toISOString(), minutes(at)));
    expect(sent.map((e) => e?.time)).toEqual([
      undefined,
      undefined,
      minutes(61).toISOString(),
      undefined,
      minutes(122).toISOString(),
    ]);
    expect(sent[2]).toMatchObject({
      type: 'session.reauth_required',
      command: asked.command,
      message: 'corp needs a login (reminder: waiting for a login since 2026-11-22T09:00:00.000Z)',
    });
    const never = LoginWait.begin(null, null, dead, [asked], NOW);
    expect([300, 600].map((at) => never.reminder(0, undefined, minutes(at)))).toEqual([undefined, undefined]);
  });

  it('reminds only of a login request it sent, or one the previous wait sent', () => {
    expect(LoginWait.begin(null, null, dead, [], NOW).reminder(1, undefined, minutes(600))).toBeUndefined();
    const first = LoginWait.begin(null, null, dead, [asked], NOW);
    const again = LoginWait.begin(first, null, dead, [], minutes(1));
    expect(again.reminder(60_000, undefined, minutes(2))?.message).toMatch(
      /since 2026-11-22T09:00:00.000Z\)$/,
    );
  });

  it('sees a login in any other content of the cache file, a first file too', async () => {
    const session = sampleSession(dir, 'corp');
    const clock = { now: () => NOW };
    const none = LoginWait.begin(null, null, dead, [asked], NOW);
    expect(await none.look(session, clock)).toEqual({ loggedIn: false });
    const old = formatCachedToken(sampleToken(minutes(60)));
    await writeFile(session.cacheFile, old);
    expect(await none.look(session, clock)).toEqual({ loggedIn: true });
    const onOld = LoginWait.begin(null, contentFingerprint(old), dead, [asked], NOW);
    expect(await onOld.look(session, clock)).toEqual({ loggedIn: false });
    await writeFile(
      session.cacheFile,
      formatCachedToken(sampleToken(minutes(60), { accessToken: `${SECRET_MARK}-new` })),
    );
    expect(await onOld.look(session, clock)).toEqual({ loggedIn: true });
  });

  it('tells token.expired once when the access token lapses while it waits', async () => {
    const session = sampleSession(dir, 'corp');
    const raw = formatCachedToken(sampleToken(minutes(5)));
    await writeFile(session.cacheFile, raw);
    let now = minutes(4);
    const clock = { now: () => now };
    const wait = LoginWait.begin(null, contentFingerprint(raw), dead, [asked], NOW);
    expect(await wait.look(session, clock)).toEqual({ loggedIn: false });
    now = minutes(6);
    const lapsed = await wait.look(session, clock);
    expect(lapsed.expired).toMatchObject({
      type: 'token.expired',
      severity: 'error',
      expiresAt: '2026-11-22T09:05:00Z',
    });
    now = minutes(7);
    expect(await wait.look(session, clock)).toEqual({ loggedIn: false });
    expect(JSON.stringify(lapsed)).not.toContain(SECRET_MARK);
  });

  it('tells no token.expired when the token had lapsed before the wait began', async () => {
    const session = sampleSession(dir, 'corp');
    const raw = formatCachedToken(sampleToken(minutes(-5)));
    await writeFile(session.cacheFile, raw);
    const lapsedResult = { ...dead, expiresAt: '2026-11-22T08:55:00Z' };
    const wait = LoginWait.begin(null, contentFingerprint(raw), lapsedResult, [asked], NOW);
    expect(await wait.look(session, { now: () => minutes(1) })).toEqual({ loggedIn: false });
  });
});
