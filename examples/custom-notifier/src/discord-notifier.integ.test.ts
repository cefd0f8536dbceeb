import axios from 'axios';
import { NotifierError, type SupervisorEvent } from '@sso-supervisor/notifier-api';
import {
  type CaptureReply,
  type CaptureServer,
  notifierContract,
  RecordingLogger,
  startCaptureServer,
} from '@sso-supervisor/notifier-api/testing';
import { createDiscordNotifier, discordFailure } from './discord-notifier';

/** A fixture with whatever contract fields the test needs, whichever type it names. */
const loose = (fields: object) => fields as SupervisorEvent;

// A local server stands in for discord.com. The token (last path segment) is the webhook's secret: it
// must not show up in a payload, an error or a log line.
const TOKEN = 'dscTok3n_contract-Qm8ZpLx2';
const HOOK_PATH = `/api/webhooks/112233445566778899/${TOKEN}`;

const reauth = loose({
  type: 'session.reauth_required',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'error',
  session: 'prod',
  profiles: ['prod-admin', 'prod-readonly'],
  expiresAt: '2026-11-22T09:32:00Z',
  message: 'refresh token rejected (InvalidGrantException)',
  command: 'aws sso login --sso-session prod',
});

const posted: CaptureReply = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ id: '1300000000000000042', channel_id: '1200000000000000007' }),
};

notifierContract('discord', {
  secrets: [TOKEN],
  async setup({ logger }) {
    const server = await startCaptureServer(() => posted);
    const notifier = createDiscordNotifier(
      { webhookUrl: server.url + HOOK_PATH },
      { name: 'discord', logger },
    );
    return { notifier, delivered: () => server.requests.map((r) => r.body), teardown: () => server.close() };
  },
  async setupFailing({ logger }) {
    const server = await startCaptureServer();
    await server.close();
    return {
      notifier: createDiscordNotifier({ webhookUrl: server.url + HOOK_PATH }, { name: 'discord', logger }),
      delivered: () => [],
    };
  },
});

describe(createDiscordNotifier.name, () => {
  let server: CaptureServer;
  afterEach(() => server.close());

  async function failureOf(reply: CaptureReply | 'closed', logger = new RecordingLogger()) {
    server = await startCaptureServer(() => (reply === 'closed' ? posted : reply));
    if (reply === 'closed') await server.close();
    const notifier = createDiscordNotifier({ webhookUrl: server.url + HOOK_PATH }, { name: 'ops', logger });
    return notifier.send(reauth).then(
      () => undefined,
      (error: unknown) => error as NotifierError,
    );
  }

  it('posts content and one embed as JSON, waiting for Discord to confirm the message', async () => {
    server = await startCaptureServer(() => posted);
    const notifier = createDiscordNotifier(
      { webhookUrl: server.url + HOOK_PATH },
      { name: 'ops', logger: new RecordingLogger() },
    );
    await notifier.send(reauth);
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`${HOOK_PATH}?wait=true`);
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(request.body)).toEqual({
      content: '[ERROR] prod: Login required',
      embeds: [
        {
          title: 'prod: Login required',
          description: 'refresh token rejected (InvalidGrantException)',
          color: 0xed4245,
          fields: [
            { name: 'Session', value: 'prod', inline: true },
            { name: 'Profiles', value: 'prod-admin, prod-readonly', inline: true },
            { name: 'Expires', value: '<t:1795339920:R>', inline: true },
            { name: 'Fix', value: '`aws sso login --sso-session prod`', inline: false },
          ],
          footer: { text: 'sso-supervisor | session.reauth_required' },
          timestamp: '2026-11-22T09:20:00.000Z',
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it('posts into the configured thread under the configured name and avatar', async () => {
    server = await startCaptureServer(() => posted);
    const options = {
      webhookUrl: server.url + HOOK_PATH,
      threadId: '1250000000000000001',
      username: 'sso-supervisor',
      avatarUrl: 'https://example.com/key.png',
    };
    await createDiscordNotifier(options, { name: 'ops', logger: new RecordingLogger() }).send(reauth);
    const [request] = server.requests;
    expect(request.path).toBe(`${HOOK_PATH}?wait=true&thread_id=1250000000000000001`);
    expect(JSON.parse(request.body)).toMatchObject({
      username: 'sso-supervisor',
      avatar_url: 'https://example.com/key.png',
    });
  });

  it('logs the id of the posted message and nothing of the webhook URL', async () => {
    server = await startCaptureServer(() => posted);
    const logger = new RecordingLogger();
    await createDiscordNotifier({ webhookUrl: server.url + HOOK_PATH }, { name: 'ops', logger }).send(reauth);
    expect(logger.lines).toEqual([
      {
        level: 'debug',
        message: 'discord message posted',
        fields: { notifier: 'ops', event: 'session.reauth_required', messageId: '1300000000000000042' },
      },
    ]);
    expect(logger.text()).not.toContain(TOKEN);
  });

  it('rejects a 429 as retryable after the retry_after Discord gives', async () => {
    const failure = await failureOf({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '2' },
      body: JSON.stringify({ message: 'You are being rate limited.', retry_after: 1.25, global: false }),
    });
    expect(failure).toBeInstanceOf(NotifierError);
    expect(failure).toMatchObject({
      message: 'Discord answered HTTP 429 (rate limited)',
      retryable: true,
      retryAfterMs: 1250,
    });
  });

  it("rejects a deleted webhook (404) as not retryable, naming Discord's reason", async () => {
    const failure = await failureOf({
      status: 404,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Unknown Webhook', code: 10015 }),
    });
    expect(failure).toBeInstanceOf(NotifierError);
    expect(failure).toMatchObject({
      message: 'Discord answered HTTP 404: Unknown Webhook (code 10015)',
      retryable: false,
    });
    expect(failure?.retryAfterMs).toBeUndefined();
  });

  it('keeps the token out of errors, stacks and log lines, even when the answer repeats it', async () => {
    const echoes: CaptureReply[] = [
      { status: 401, body: JSON.stringify({ message: `Invalid Webhook Token ${TOKEN}`, code: 50027 }) },
      { status: 400, body: `bad request for ${HOOK_PATH}` },
      { status: 502, body: `<html>upstream ${HOOK_PATH}</html>` },
    ];
    const logger = new RecordingLogger();
    const failures = [];
    for (const reply of [...echoes, 'closed' as const]) {
      const failure = await failureOf(reply, logger);
      expect(failure).toBeInstanceOf(NotifierError);
      failures.push(failure);
      if (reply !== 'closed') await server.close();
    }
    const texts = failures.flatMap((f) => [String(f?.message), String(f?.stack), JSON.stringify(f)]);
    for (const text of [...texts, logger.text()]) expect(text).not.toContain(TOKEN);
    expect(failures.map((f) => f?.message)).toEqual([
      'Discord answered HTTP 401 (code 50027)',
      'Discord answered HTTP 400',
      'Discord answered HTTP 502',
      'no response from Discord (ECONNREFUSED)',
    ]);
  });
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}): CaptureReply => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe(discordFailure.name, () => {
  const servers: CaptureServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  /** The real axios error for a POST answered with `reply`. */
  async function errorFor(reply: CaptureReply): Promise<unknown> {
    const server = await startCaptureServer(() => reply);
    servers.push(server);
    return axios.post(`${server.url}/api/webhooks/1/token`, {}).then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  it.each([
    [500, true],
    [502, true],
    [503, true],
    [408, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
  ])('HTTP %i is retryable: %s', async (status, retryable) => {
    const failure = discordFailure(await errorFor({ status }));
    expect(failure).toBeInstanceOf(NotifierError);
    expect(failure.retryable).toBe(retryable);
    expect(failure.retryAfterMs).toBeUndefined();
  });

  it('takes retry_after from the body, in seconds, over the rounded-up header', async () => {
    const failure = discordFailure(
      await errorFor(json(429, { retry_after: 0.3, global: false }, { 'retry-after': '1' })),
    );
    expect(failure).toMatchObject({ retryable: true, retryAfterMs: 300 });
  });

  it('falls back to the Retry-After header when the body has none', async () => {
    const failure = discordFailure(await errorFor({ status: 429, headers: { 'retry-after': '3' } }));
    expect(failure).toMatchObject({ retryable: true, retryAfterMs: 3000 });
  });

  it('says when the limit is global, and retries a 429 even without a wait', async () => {
    const failure = discordFailure(
      await errorFor(json(429, { message: 'You are being rate limited.', global: true })),
    );
    expect(failure.message).toBe('Discord answered HTTP 429 (global rate limit)');
    expect(failure.retryable).toBe(true);
    expect(failure.retryAfterMs).toBeUndefined();
  });

  it("keeps Discord's short reason and code, and drops anything longer", async () => {
    const known = discordFailure(await errorFor(json(403, { message: 'Missing Access', code: 50001 })));
    expect(known.message).toBe('Discord answered HTTP 403: Missing Access (code 50001)');
    const long = discordFailure(
      await errorFor(json(400, { message: `Invalid Form Body ${'x'.repeat(80)}`, code: 50035 })),
    );
    expect(long.message).toBe('Discord answered HTTP 400 (code 50035)');
  });

  it('treats no answer at all as retryable network trouble', async () => {
    const server = await startCaptureServer();
    const url = `${server.url}/api/webhooks/1/token`;
    await server.close();
    const failure = discordFailure(await axios.post(url, {}).catch((error: unknown) => error));
    expect(failure).toMatchObject({ message: 'no response from Discord (ECONNREFUSED)', retryable: true });
  });

  it('treats an error that is not from axios as retryable, without repeating its text', () => {
    const failure = discordFailure(new Error('socket hang up at https://discord.com/api/webhooks/1/token'));
    expect(failure).toMatchObject({ message: 'no response from Discord (unknown error)', retryable: true });
  });
});
