import { httpFailure } from './http-failure';
import { NotifierError } from './notifier-error';

const response = (status: number, headers: Record<string, unknown> = {}, data: unknown = '') => ({
  response: { status, headers, data },
  config: { url: 'https://hooks.example.com/T000/B000/secret-path' },
});

describe(httpFailure.name, () => {
  it.each([
    [500, true],
    [503, true],
    [408, true],
    [429, true],
    [400, false],
    [404, false],
    [410, false],
  ])('HTTP %i is retryable: %s', (status, retryable) => {
    expect(httpFailure(response(status)).retryable).toBe(retryable);
  });

  it('reads Retry-After in seconds and as a date', () => {
    expect(httpFailure(response(429, { 'retry-after': '3' })).retryAfterMs).toBe(3000);
    const now = Date.parse('2026-11-22T09:00:00Z');
    const dated = httpFailure(response(503, { 'retry-after': 'Sun, 22 Nov 2026 09:00:10 GMT' }), now);
    expect(dated.retryAfterMs).toBe(10_000);
  });

  it('treats no response as retryable network trouble', () => {
    const failure = httpFailure({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' });
    expect(failure).toBeInstanceOf(NotifierError);
    expect(failure.retryable).toBe(true);
    expect(failure.message).toBe('no HTTP response (ECONNREFUSED)');
  });

  it('keeps a short machine word from the body and never the request URL', () => {
    expect(httpFailure(response(404, {}, 'no_service')).message).toBe('HTTP 404 (no_service)');
    const failure = httpFailure(response(400, {}, 'long text <html> mentioning secret-path'));
    expect(failure.message).toBe('HTTP 400');
  });
});
