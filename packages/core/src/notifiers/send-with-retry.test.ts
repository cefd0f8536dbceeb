import { RecordingLogger, scriptedNotifier, type SendStep } from '@sso-supervisor/notifier-api/testing';
import type { NotifierEntry } from '../config/supervisor-config';
import type { SupervisorEvent } from '../events/supervisor-event';
import { NotifierError } from './notifier-contract';
import { sendWithRetry, type DispatcherOptions } from './send-with-retry';

/** notifier-api as a plugin that installed its own copy would load it: another module instance. */
function pluginCopy(): typeof import('@sso-supervisor/notifier-api') {
  let copy: typeof import('@sso-supervisor/notifier-api') | undefined;
  jest.isolateModules(
    () =>
      (copy = jest.requireActual<typeof import('@sso-supervisor/notifier-api')>(
        '@sso-supervisor/notifier-api',
      )),
  );
  return copy!;
}

const OPTIONS: DispatcherOptions = {
  retry: { attempts: 3, baseDelay: 1, maxDelay: 2, timeout: 5000 },
  maxRetryAfter: 60_000,
  queueSize: 10,
};
const EVENT = {
  type: 'notify.test',
  time: '2026-11-22T09:00:00.000Z',
  severity: 'info',
  message: 'test',
} as SupervisorEvent;

async function send(script: SendStep[]) {
  const notifier = scriptedNotifier('plugin', script);
  const entry = {
    name: 'plugin',
    module: 'x',
    private: false,
    cooldown: 0,
    options: {},
    path: 'notifiers[0]',
  };
  const started = Date.now();
  const outcome = await sendWithRetry(
    { notifier, entry: entry as NotifierEntry },
    EVENT,
    OPTIONS,
    new RecordingLogger(),
    new AbortController().signal,
  );
  return { outcome, calls: notifier.calls.length, waited: Date.now() - started };
}

describe('sendWithRetry with errors from a plugin’s own copy of notifier-api', () => {
  const theirs = pluginCopy();

  it('is a different class from the host’s', () => {
    expect(theirs.NotifierError).not.toBe(NotifierError);
  });

  it('does not retry a non-retryable failure (a 404)', async () => {
    const { outcome, calls } = await send([new theirs.NotifierError('HTTP 404', { retryable: false })]);
    expect(calls).toBe(1);
    expect(outcome).toEqual({ notifier: 'plugin', delivered: false, attempts: 1, error: 'HTTP 404' });
  });

  it('waits the Retry-After a 429 asked for, then delivers', async () => {
    const throttled = new theirs.NotifierError('HTTP 429', { retryable: true, retryAfterMs: 300 });
    const { outcome, calls, waited } = await send([throttled]);
    expect(calls).toBe(2);
    expect(outcome).toEqual({ notifier: 'plugin', delivered: true, attempts: 2 });
    // Only a lower bound: the backoff alone would be 1-2 ms.
    expect(waited).toBeGreaterThanOrEqual(290);
  });

  it('retries a plain Error, which says nothing, within the attempts', async () => {
    const { outcome, calls } = await send([new Error('boom'), new Error('boom'), new Error('boom')]);
    expect(calls).toBe(3);
    expect(outcome).toMatchObject({ delivered: false, attempts: 3, retryable: true });
  });
});
