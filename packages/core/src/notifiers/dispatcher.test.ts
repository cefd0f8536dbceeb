import 'reflect-metadata';
import { container } from 'tsyringe';
import type { NotifierEntry } from '../config/supervisor-config';
import { TOKENS } from '../di/tokens';
import type { EventType, SupervisorEvent } from '../events/supervisor-event';
import { RecordingLogger, scriptedNotifier, type SendStep } from '@sso-supervisor/notifier-api/testing';
import { DISPATCHER_OPTIONS, Dispatcher, type DispatcherOverrides } from './dispatcher';
import { NotifierError, type RoutedNotifier } from './notifier-contract';

const MIN = 60_000;
const FAST: DispatcherOverrides = { retry: { attempts: 3, baseDelay: 10, maxDelay: 20, timeout: 200 } };

function routed(
  name: string,
  over: Partial<NotifierEntry> = {},
  script: SendStep[] = [],
  otherwise: SendStep = 'ok',
) {
  const notifier = scriptedNotifier(name, script, otherwise);
  const entry: NotifierEntry = {
    name,
    type: 'test',
    private: false,
    events: ['*'],
    cooldown: 30 * MIN,
    options: {},
    path: 'notifiers[0]',
    ...over,
  };
  return { notifier, entry };
}

/** An event of any type with the fields routing looks at; the dispatcher passes the rest through. */
function event(type: EventType, over: Record<string, unknown> = {}): SupervisorEvent {
  return {
    type,
    time: '2026-11-22T09:00:00.000Z',
    severity: 'error',
    session: 'corp',
    message: `corp ${type}`,
    ...over,
  } as SupervisorEvent;
}

function setup(notifiers: RoutedNotifier[], options: DispatcherOverrides = FAST) {
  const child = container.createChildContainer();
  const logger = new RecordingLogger();
  let now = Date.parse('2026-11-22T09:00:00Z');
  child.register(TOKENS.Logger, { useValue: logger });
  child.register(TOKENS.Clock, { useValue: { now: () => new Date(now) } });
  child.register(DISPATCHER_OPTIONS, { useValue: options });
  for (const r of notifiers) child.register(TOKENS.RoutedNotifier, { useValue: r });
  const dispatcher = child.resolve(Dispatcher);
  return { dispatcher, logger, advance: (ms: number) => (now += ms) };
}

describe(Dispatcher.name, () => {
  it('resolves from a container without notifiers and does nothing', async () => {
    const { dispatcher } = setup([]);
    dispatcher.handle(event('token.expired'));
    await expect(dispatcher.flush(100)).resolves.toBe(true);
  });

  it('returns from handle before any notifier runs', async () => {
    const team = routed('team');
    const { dispatcher } = setup([team]);
    expect(dispatcher.handle(event('token.expired'))).toBeUndefined();
    expect(team.notifier.calls).toHaveLength(0);
    await dispatcher.flush(1000);
    expect(team.notifier.delivered).toHaveLength(1);
  });

  it('gives login.pending and login fields to private notifiers only', async () => {
    const team = routed('team');
    const me = routed('me', { private: true, events: undefined });
    const { dispatcher } = setup([team, me]);
    const login = { verificationUri: 'https://device.example/v', userCode: 'ABCD-EFGH' };
    dispatcher.handle(event('login.pending', { severity: 'info', ...login }));
    dispatcher.handle(event('token.expired', login));
    await dispatcher.flush(1000);
    expect(team.notifier.delivered.map((e) => e.type)).toEqual(['token.expired']);
    expect(JSON.stringify(team.notifier.delivered)).not.toMatch(/ABCD-EFGH|device\.example/);
    expect(me.notifier.delivered.map((e) => e.type)).toEqual(['login.pending', 'token.expired']);
    expect(me.notifier.delivered[0]).toMatchObject(login);
  });

  it('holds back repeats within the cooldown unless the session changed state', async () => {
    const team = routed('team');
    const { dispatcher, advance } = setup([team]);
    const send = async (type: EventType) => {
      dispatcher.handle(event(type));
      await dispatcher.flush(1000);
    };
    await send('session.reauth_required');
    await send('session.reauth_required');
    advance(10 * MIN);
    await send('session.restored');
    await send('session.reauth_required');
    advance(31 * MIN);
    await send('session.reauth_required');
    const types = team.notifier.delivered.map((e) => e.type);
    expect(types).toEqual([
      'session.reauth_required',
      'session.restored',
      'session.reauth_required',
      'session.reauth_required',
    ]);
  });

  it('retries a transient failure with backoff and delivers once', async () => {
    const team = routed('team', {}, [
      new Error('ECONNRESET'),
      new NotifierError('HTTP 503', { retryable: true }),
    ]);
    const { dispatcher, logger } = setup([team]);
    dispatcher.handle(event('token.expired'));
    await dispatcher.flush(2000);
    expect(team.notifier.calls).toHaveLength(3);
    expect(team.notifier.delivered).toHaveLength(1);
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });

  it('gives up at once on a permanent failure, logs it once, and sends the next repeat', async () => {
    const team = routed('team', {}, [new NotifierError('HTTP 404 (no_service)', { retryable: false })]);
    const { dispatcher, logger } = setup([team]);
    dispatcher.handle(event('token.expired'));
    await dispatcher.flush(1000);
    expect(team.notifier.calls).toHaveLength(1);
    expect(logger.lines.filter((l) => l.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'notification failed',
        fields: {
          notifier: 'team',
          plugin: 'test',
          event: 'token.expired',
          session: 'corp',
          attempts: 1,
          error: 'HTTP 404 (no_service)',
        },
      },
    ]);
    dispatcher.handle(event('token.expired'));
    await dispatcher.flush(1000);
    expect(team.notifier.delivered).toHaveLength(1);
  });

  it('waits as long as Retry-After asks, and gives up when it asks too much', async () => {
    const throttled = routed('slow', {}, [
      new NotifierError('HTTP 429', { retryable: true, retryAfterMs: 300 }),
    ]);
    const greedy = routed('greedy', {}, [
      new NotifierError('HTTP 429', { retryable: true, retryAfterMs: 10_000 }),
    ]);
    const { dispatcher } = setup([throttled, greedy], { ...FAST, maxRetryAfter: 1000 });
    const started = Date.now();
    dispatcher.handle(event('token.expired'));
    await dispatcher.flush(3000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(throttled.notifier.delivered).toHaveLength(1);
    expect(greedy.notifier.calls).toHaveLength(1);
    expect(greedy.notifier.delivered).toHaveLength(0);
  });

  it('times out a hanging notifier without delaying the others', async () => {
    const stuck = routed('stuck', {}, [], 'hang');
    const team = routed('team');
    const { dispatcher, logger } = setup([stuck, team]);
    dispatcher.handle(event('token.expired'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(team.notifier.delivered).toHaveLength(1);
    await expect(dispatcher.flush(3000)).resolves.toBe(true);
    expect(stuck.notifier.calls).toHaveLength(3);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        message: 'notification failed',
        fields: expect.objectContaining({ notifier: 'stuck', error: 'no answer within 200 ms' }),
      }),
    );
  });

  it('drops the oldest queued notification when a queue is full, with a log line', async () => {
    const stuck = routed('stuck', { cooldown: 0 }, ['hang']);
    const { dispatcher, logger } = setup([stuck], {
      ...FAST,
      queueSize: 2,
      retry: { attempts: 1, timeout: 300 },
    });
    dispatcher.handle(event('token.expired'));
    await new Promise((resolve) => setImmediate(resolve));
    for (const type of ['token.refresh_failed', 'session.ending', 'session.restored'] as const)
      dispatcher.handle(event(type));
    await dispatcher.flush(2000);
    expect(stuck.notifier.calls.map((e) => e.type)).toEqual([
      'token.expired',
      'session.ending',
      'session.restored',
    ]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({
        message: 'notification dropped, queue full',
        fields: expect.objectContaining({ event: 'token.refresh_failed' }),
      }),
    );
  });

  it('closes: flushes, abandons what hangs, closes notifiers and ignores later events', async () => {
    const stuck = routed('stuck', { cooldown: 0 }, [], 'hang');
    const team = routed('team');
    const { dispatcher, logger } = setup([stuck, team], { retry: { attempts: 1, timeout: 60_000 } });
    dispatcher.handle(event('token.expired'));
    dispatcher.handle(event('session.ending'));
    await expect(dispatcher.flush(50)).resolves.toBe(false);
    await dispatcher.close(100);
    await dispatcher.close(100);
    expect(stuck.notifier.closed && team.notifier.closed).toBe(true);
    expect(logger.lines).toContainEqual({
      level: 'warn',
      message: 'notifications not sent before shutdown',
      fields: { notifier: 'stuck', pending: 1 },
    });
    dispatcher.handle(event('token.expired'));
    await dispatcher.flush(100);
    expect(team.notifier.calls).toHaveLength(2);
  });

  it('delivers on demand past filters and cooldown, reporting each outcome', async () => {
    const team = routed('team', { events: ['token.expired'] });
    const dead = routed('dead', {}, [], new NotifierError('HTTP 410', { retryable: false }));
    const { dispatcher } = setup([team, dead]);
    const sample = event('session.reauth_required');
    await dispatcher.deliver(sample);
    const outcomes = await dispatcher.deliver(sample, ['team', 'dead', 'nobody']);
    expect(outcomes).toEqual([
      { notifier: 'team', delivered: true, attempts: 1 },
      { notifier: 'dead', delivered: false, attempts: 1, error: 'HTTP 410' },
      { notifier: 'nobody', delivered: false, attempts: 0, error: 'no such notifier' },
    ]);
    const reported: string[] = [];
    await dispatcher.deliver(sample, ['nobody', 'team'], { onOutcome: (o) => reported.push(o.notifier) });
    expect(reported).toEqual(['nobody', 'team']);
    const login = await dispatcher.deliver(event('login.pending', { userCode: 'X' }), ['team']);
    expect(login[0]).toMatchObject({ delivered: false, attempts: 0 });
    expect(team.notifier.delivered).toHaveLength(3);
  });

  it('makes only the attempts it is asked for on demand', async () => {
    const flaky = routed('flaky', {}, [], new NotifierError('HTTP 503', { retryable: true }));
    const { dispatcher } = setup([flaky]);
    const [outcome] = await dispatcher.deliver(event('notify.test'), undefined, { attempts: 1 });
    expect(outcome).toEqual({
      notifier: 'flaky',
      delivered: false,
      attempts: 1,
      error: 'HTTP 503',
      retryable: true,
    });
  });
});
