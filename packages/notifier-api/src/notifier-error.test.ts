import { NotifierError, isNotifierError, retryableOf, retryAfterMsOf } from './notifier-error';

/** A second copy of this module, as a plugin that installed its own notifier-api would have. */
function otherCopy(): typeof import('./notifier-error') {
  let copy: typeof import('./notifier-error') | undefined;
  jest.isolateModules(() => {
    copy = jest.requireActual<typeof import('./notifier-error')>('./notifier-error');
  });
  return copy!;
}

describe('NotifierError', () => {
  const other = otherCopy();

  it('is a different class in another copy, yet recognised by the brand in both directions', () => {
    expect(other.NotifierError).not.toBe(NotifierError);
    const theirs = new other.NotifierError('HTTP 404', { retryable: false });
    const ours = new NotifierError('HTTP 429', { retryable: true, retryAfterMs: 2000 });
    expect(isNotifierError(theirs)).toBe(true);
    expect(other.isNotifierError(ours)).toBe(true);
    expect(theirs instanceof NotifierError).toBe(true);
    expect(ours instanceof other.NotifierError).toBe(true);
    expect(theirs).toBeInstanceOf(Error);
    expect(theirs.name).toBe('NotifierError');
  });

  it('reads retryable and retryAfterMs from another copy', () => {
    const refused = new other.NotifierError('HTTP 404', { retryable: false });
    const throttled = new other.NotifierError('HTTP 429', { retryable: true, retryAfterMs: 1500 });
    expect(retryableOf(refused)).toBe(false);
    expect(retryableOf(throttled)).toBe(true);
    expect(retryAfterMsOf(throttled)).toBe(1500);
    expect(retryAfterMsOf(refused)).toBeUndefined();
  });

  it('is not fooled by look-alikes, and says nothing for errors that state nothing', () => {
    const plain = Object.assign(new Error('HTTP 404'), { name: 'NotifierError' });
    expect(isNotifierError(plain)).toBe(false);
    expect(plain instanceof NotifierError).toBe(false);
    expect(retryableOf(plain)).toBeUndefined();
    expect(retryableOf(undefined)).toBeUndefined();
    expect(retryableOf('boom')).toBeUndefined();
    expect(retryAfterMsOf({ retryAfterMs: -1 })).toBeUndefined();
    expect(retryAfterMsOf({ retryAfterMs: Number.NaN })).toBeUndefined();
  });

  it('keeps instanceof of subclasses exact', () => {
    class RateLimited extends NotifierError {}
    const limited = new RateLimited('slow down', { retryable: true });
    expect(limited instanceof RateLimited).toBe(true);
    expect(limited instanceof NotifierError).toBe(true);
    expect(new NotifierError('x', { retryable: false }) instanceof RateLimited).toBe(false);
    expect(limited.name).toBe('RateLimited');
  });
});
