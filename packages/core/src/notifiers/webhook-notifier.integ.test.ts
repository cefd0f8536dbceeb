import { createHmac } from 'node:crypto';
import axios from 'axios';
import type { SupervisorEvent } from '../events/supervisor-event';
import {
  startCaptureServer,
  type CaptureReply,
  type CaptureServer,
  notifierContract,
  RecordingLogger,
} from '@sso-supervisor/notifier-api/testing';
import { systemClock } from '../util/clock';
import { Dispatcher } from './dispatcher';
import { createWebhookNotifier, webhookNotifier } from './webhook-notifier';

const SECRET = 'whsec-contract-7Hq2';
const http = axios.create({ timeout: 2000 });
const event: SupervisorEvent = {
  type: 'token.refreshed',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'info',
  session: 'corp',
  profiles: ['dev', 'prod'],
  expiresAt: '2026-11-22T10:20:00Z',
  message: 'corp refreshed; valid until 10:20 UTC',
};

async function closedUrl(): Promise<string> {
  const server = await startCaptureServer();
  await server.close();
  return server.url;
}

notifierContract('webhook', {
  secrets: [SECRET],
  async setup({ logger }) {
    const server = await startCaptureServer();
    const notifier = createWebhookNotifier(
      { url: `${server.url}/hook`, secret: SECRET },
      { name: 'audit', logger, http },
    );
    return { notifier, delivered: () => server.requests.map((r) => r.body), teardown: () => server.close() };
  },
  async setupFailing({ logger }) {
    const notifier = createWebhookNotifier(
      { url: await closedUrl(), secret: SECRET },
      { name: 'audit', logger, http },
    );
    return { notifier, delivered: () => [] };
  },
});

describe(createWebhookNotifier.name, () => {
  let server: CaptureServer | undefined;
  afterEach(() => server?.close());

  it('POSTs exactly the event JSON, signed, with the extra headers', async () => {
    server = await startCaptureServer();
    const options = { url: `${server.url}/hook`, secret: SECRET, headers: { authorization: 'Bearer abc' } };
    await createWebhookNotifier(options, { name: 'audit', logger: new RecordingLogger(), http }).send(event);
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/hook');
    expect(JSON.parse(request.body)).toEqual(event);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers.authorization).toBe('Bearer abc');
    const expected = createHmac('sha256', SECRET).update(request.body).digest('hex');
    expect(request.headers['x-sso-supervisor-signature']).toBe(`sha256=${expected}`);
    expect(JSON.stringify(request.headers)).not.toContain(SECRET);
  });

  it('sends no signature without a secret', async () => {
    server = await startCaptureServer();
    await createWebhookNotifier(
      { url: server.url },
      { name: 'audit', logger: new RecordingLogger(), http },
    ).send(event);
    expect(server.requests[0].headers).not.toHaveProperty('x-sso-supervisor-signature');
  });

  it.each<[string, CaptureReply[], number, boolean]>([
    ['retries 5xx until it succeeds', [{ status: 500 }, { status: 502 }, { status: 200 }], 3, true],
    ['does not retry a 4xx', [{ status: 404, body: 'gone' }], 1, false],
    [
      'gives up after the last attempt',
      [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 200 }],
      3,
      false,
    ],
  ])('through the dispatcher, %s', async (_, replies, requests, delivered) => {
    server = await startCaptureServer((_req, index) => replies[index] ?? { status: 200 });
    const logger = new RecordingLogger();
    const notifier = createWebhookNotifier({ url: server.url }, { name: 'audit', logger, http });
    const entry = {
      name: 'audit',
      type: 'webhook',
      private: false,
      events: ['*'],
      cooldown: 0,
      options: {},
      path: 'notifiers[0]',
    };
    const retry = { attempts: 3, baseDelay: 10, maxDelay: 20, timeout: 2000 };
    const dispatcher = new Dispatcher([{ notifier, entry }], logger, systemClock, { retry });
    dispatcher.handle(event);
    await dispatcher.flush(5000);
    expect(server.requests).toHaveLength(requests);
    expect(logger.lines.some((l) => l.message === 'notification failed')).toBe(!delivered);
  });

  it('rejects a refused connection as retryable', async () => {
    const notifier = createWebhookNotifier(
      { url: await closedUrl() },
      { name: 'audit', logger: new RecordingLogger(), http },
    );
    await expect(notifier.send(event)).rejects.toMatchObject({
      retryable: true,
      message: 'no HTTP response (ECONNREFUSED)',
    });
  });
});

describe('webhookNotifier.optionsSchema', () => {
  it.each([
    [{ url: 'ftp://example.com' }, 'url'],
    [{ url: 'https://example.com', headers: { 'Content-Type': 'text/plain' } }, 'headers'],
    [{ url: 'https://example.com', sekret: 'x' }, ''],
  ])('rejects %j at "%s"', (options, path) => {
    const result = webhookNotifier.optionsSchema.safeParse(options);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join('.')).toBe(path);
  });
});
