import type { RefreshOutcome, RefreshResult } from '../engine/refresh-session';
import { sampleSession } from '../test-support/sample-session';
import { reactToResult, type Reaction } from './react-to-result';
import type { WorkerState } from './worker-state';

const T0 = new Date('2026-11-22T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();
const session = sampleSession('/cache', 'corp');
const fresh: WorkerState = { name: 'corp', lastCheck: iso(0), consecutiveFailures: 0 };

function result(outcome: RefreshOutcome, extra: Partial<RefreshResult> = {}): RefreshResult {
  return { session: 'corp', id: 'corp', outcome, ...extra };
}

/** Feeds results one a minute, as a worker would, threading the state through; returns every reaction. */
function feed(results: RefreshResult[], start: WorkerState = fresh): Reaction[] {
  let state = start;
  return results.map((r, i) => {
    const reaction = reactToResult(session, r, state, at(i + 1));
    state = reaction.state;
    return reaction;
  });
}

const types = (reaction: Reaction) => reaction.events.map((e) => e.type);
const reauth = result('reauth_required', { error: 'refresh token expired', command: session.loginCommand });
const held: WorkerState = { ...fresh, state: 'reauth_required', stateSince: iso(-5), lastError: 'gone' };

describe(reactToResult.name, () => {
  it('records a refresh and tells about it', () => {
    const [reaction] = feed([result('refreshed', { expiresAt: '2026-11-22T10:01:00Z' })]);
    expect(reaction.state).toEqual({ ...fresh, lastRefresh: iso(1) });
    expect(types(reaction)).toEqual(['token.refreshed']);
    expect(reaction.events[0].expiresAt).toBe('2026-11-22T10:01:00Z');
    expect(reaction.hold).toBe(false);
  });

  it('says nothing about a skipped check and keeps the last refresh time', () => {
    const before = { ...fresh, lastRefresh: iso(-30) };
    const [reaction] = feed([result('skipped', { expiresAt: '2026-11-22T10:00:00Z' })], before);
    expect(reaction).toEqual({ state: before, events: [], hold: false });
  });

  it('tells a session is restored when it works again after waiting for a person', () => {
    const expiresAt = '2026-11-22T10:00:00Z';
    const [refreshed] = feed([result('refreshed', { expiresAt })], held);
    expect(types(refreshed)).toEqual(['session.restored', 'token.refreshed']);
    expect(refreshed.state).toEqual({ ...fresh, lastRefresh: iso(1) });
    const invalid: WorkerState = { ...held, state: 'invalid' };
    const [skipped] = feed([result('skipped', { expiresAt })], invalid);
    expect(types(skipped)).toEqual(['session.restored']);
    expect(skipped.events[0].expiresAt).toBe(expiresAt);
  });

  it('does not tell restored after a mere failure streak ends', () => {
    const failing: WorkerState = { ...fresh, state: 'failed', consecutiveFailures: 3, lapsed: true };
    const [reaction] = feed([result('refreshed', { expiresAt: '2026-11-22T10:00:00Z' })], failing);
    expect(types(reaction)).toEqual(['token.refreshed']);
    expect(reaction.state).toEqual({ ...fresh, lastRefresh: iso(1) });
  });

  it.each(['reauth_required', 'invalid'] as const)('holds on %s and tells a person once', (outcome) => {
    const same = result(outcome, { error: 'broken' });
    const reactions = feed([same, same, same]);
    expect(reactions.map(types)).toEqual([['session.reauth_required'], [], []]);
    expect(reactions.every((r) => r.hold)).toBe(true);
    expect(reactions[2].state).toEqual({
      ...fresh,
      state: outcome,
      stateSince: iso(1),
      lastError: 'broken',
    });
    expect(reactions[0].events[0]).toMatchObject({ severity: 'error', command: session.loginCommand });
  });

  it('tells again when the reason a person must act changes', () => {
    const other = result('invalid', { error: 'not valid JSON' });
    const reactions = feed([reauth, reauth, other, other]);
    expect(reactions.map(types)).toEqual([['session.reauth_required'], [], ['session.reauth_required'], []]);
    expect(reactions[3].state.stateSince).toBe(iso(3));
  });

  it('tells one refresh_failed per failure streak, a warning while the token lives', () => {
    const failed = result('failed', { error: 'timeout', expiresAt: iso(30) });
    const reactions = feed([failed, failed, failed]);
    expect(reactions.map(types)).toEqual([['token.refresh_failed'], [], []]);
    expect(reactions[0].events[0].severity).toBe('warning');
    expect(reactions.map((r) => r.state.consecutiveFailures)).toEqual([1, 2, 3]);
    expect(reactions[2].state).toMatchObject({ state: 'failed', stateSince: iso(1), lapsed: false });
    expect(reactions.some((r) => r.hold)).toBe(false);
  });

  it('tells token.expired once when the token lapses during a failure streak', () => {
    const alive = result('failed', { error: 'timeout', expiresAt: iso(2) });
    const reactions = feed([alive, alive, alive, alive]);
    expect(reactions.map(types)).toEqual([['token.refresh_failed'], ['token.expired'], [], []]);
    expect(reactions[1].events[0]).toMatchObject({ severity: 'error', command: session.loginCommand });
    expect(reactions.map((r) => r.state.lapsed)).toEqual([false, true, true, true]);
  });

  it('makes the first failure an error when the token has already lapsed', () => {
    const [reaction] = feed([result('failed', { error: 'timeout', expiresAt: iso(0) })]);
    expect(types(reaction)).toEqual(['token.refresh_failed', 'token.expired']);
    expect(reaction.events.map((e) => e.severity)).toEqual(['error', 'error']);
  });

  it('starts a new streak, and tells again, after a success', () => {
    const failed = result('failed', { error: 'timeout', expiresAt: iso(0) });
    const ok = result('refreshed', { expiresAt: iso(60) });
    const reactions = feed([failed, ok, failed]);
    expect(reactions.map(types)).toEqual([
      ['token.refresh_failed', 'token.expired'],
      ['token.refreshed'],
      ['token.refresh_failed', 'token.expired'],
    ]);
    expect(reactions[2].state.consecutiveFailures).toBe(1);
  });

  it('ends a failure streak when a person must log in, and the reverse', () => {
    const failed = result('failed', { error: 'timeout', expiresAt: iso(30) });
    const reactions = feed([failed, failed, reauth, failed]);
    expect(reactions.map(types)).toEqual([
      ['token.refresh_failed'],
      [],
      ['session.reauth_required'],
      ['token.refresh_failed'],
    ]);
    expect(reactions[2].state.consecutiveFailures).toBe(0);
    expect(reactions[3].state).toMatchObject({ state: 'failed', stateSince: iso(4), consecutiveFailures: 1 });
    expect(reactions[3].hold).toBe(false);
  });
});
