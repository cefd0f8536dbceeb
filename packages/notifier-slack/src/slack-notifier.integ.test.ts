import { systemClock } from '@sso-supervisor/core';
import type { SupervisorEvent } from '@sso-supervisor/notifier-api';
import { Dispatcher } from '@sso-supervisor/core/daemon';
import {
  RecordingLogger,
  notifierContract,
  startCaptureServer,
  type CaptureReply,
  type CaptureServer,
} from '@sso-supervisor/notifier-api/testing';
import { createSlackNotifier } from './slack-notifier';

/** A fixture with whatever contract fields the test needs, whichever type it names. */
const loose = (fields: object) => fields as SupervisorEvent;

// The webhook URL's path is Slack's secret: it must not show up in a payload, an error or a log line.
const HOOK_PATH = '/services/T0CONTRACT/B0CONTRACT/hooksecret9Qw3';

const event = loose({
  type: 'token.expired',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'error',
  session: 'corp',
  message: 'corp expired',
});

notifierContract('slack', {
  secrets: [HOOK_PATH.slice(1)],
  async setup({ logger }) {
    const server = await startCaptureServer();
    const notifier = createSlackNotifier({ webhookUrl: server.url + HOOK_PATH }, { name: 'team', logger });
    return { notifier, delivered: () => server.requests.map((r) => r.body), teardown: () => server.close() };
  },
  async setupFailing({ logger }) {
    const server = await startCaptureServer();
    await server.close();
    return {
      notifier: createSlackNotifier({ webhookUrl: server.url + HOOK_PATH }, { name: 'team', logger }),
      delivered: () => [],
    };
  },
});

describe(createSlackNotifier.name, () => {
  let server: CaptureServer;
  afterEach(() => server.close());

  async function dispatch(replies: CaptureReply[]) {
    const times: number[] = [];
    server = await startCaptureServer((_, index) => {
      times.push(Date.now());
      return replies[index] ?? { status: 200, body: 'ok' };
    });
    const logger = new RecordingLogger();
    const notifier = createSlackNotifier({ webhookUrl: server.url + HOOK_PATH }, { name: 'team', logger });
    const entry = {
      name: 'team',
      type: 'slack',
      private: false,
      events: ['*'],
      cooldown: 0,
      options: {},
      path: 'notifiers[0]',
    };
    const retry = { attempts: 3, baseDelay: 10, maxDelay: 20, timeout: 5000 };
    const dispatcher = new Dispatcher([{ notifier, entry }], logger, systemClock, { retry });
    dispatcher.handle(event);
    await dispatcher.flush(10_000);
    return { times, logger };
  }

  it('posts text and blocks as JSON to the webhook', async () => {
    server = await startCaptureServer();
    const options = { webhookUrl: server.url + HOOK_PATH, username: 'sso', iconEmoji: ':key:' };
    await createSlackNotifier(options, { name: 'team', logger: new RecordingLogger() }).send(event);
    const [request] = server.requests;
    expect(request.path).toBe(HOOK_PATH);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({
      text: '[ERROR] corp: Token expired: corp expired',
      username: 'sso',
      icon_emoji: ':key:',
    });
    expect(body.blocks.map((b: { type: string }) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'context',
    ]);
    // Nothing but the message: @slack/webhook would add its axios `timeout` to every payload.
    expect(Object.keys(body).sort()).toEqual(['blocks', 'icon_emoji', 'text', 'username']);
  });

  it('waits for Retry-After on a 429 before trying again', async () => {
    const { times } = await dispatch([
      { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' },
    ]);
    expect(times).toHaveLength(2);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(950);
  });

  it('reports a dead webhook once and does not retry it', async () => {
    const { times, logger } = await dispatch([{ status: 404, body: 'no_service' }]);
    expect(times).toHaveLength(1);
    const failures = logger.lines.filter((l) => l.level === 'warn');
    expect(failures).toEqual([expect.objectContaining({ message: 'notification failed' })]);
    expect(failures[0].fields).toMatchObject({
      notifier: 'team',
      attempts: 1,
      error: 'HTTP 404 (no_service)',
    });
    expect(logger.text()).not.toContain('hooksecret');
  });

  it('retries a 5xx', async () => {
    const { times } = await dispatch([{ status: 500 }, { status: 503 }]);
    expect(times).toHaveLength(3);
  });
});
