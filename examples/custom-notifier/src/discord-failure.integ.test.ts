import { NotifierError } from '@sso-supervisor/core';
import { startCaptureServer, type CaptureReply, type CaptureServer } from '@sso-supervisor/core/testing';
import axios from 'axios';
import { discordFailure } from './discord-failure';

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
