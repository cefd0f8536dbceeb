import { SecretRegistry } from './secret-registry';

describe(SecretRegistry.name, () => {
  it('blanks every occurrence of a registered value inside any text', () => {
    const secrets = new SecretRegistry();
    secrets.add('aoa-token-0123456789');
    expect(secrets.redact('Bearer aoa-token-0123456789, again aoa-token-0123456789.')).toBe(
      'Bearer [redacted], again [redacted].',
    );
  });

  it('ignores values shorter than 8 characters and non-strings', () => {
    const secrets = new SecretRegistry();
    secrets.add('short');
    secrets.add('');
    secrets.add(undefined);
    secrets.add(null);
    expect(secrets.size).toBe(0);
    expect(secrets.redact('a short text')).toBe('a short text');
  });

  it('treats regular-expression characters in a value literally', () => {
    const secrets = new SecretRegistry();
    secrets.add('a+b*c?(d)[e]{f}|g\\h$^.');
    expect(secrets.redact('x a+b*c?(d)[e]{f}|g\\h$^. y')).toBe('x [redacted] y');
    expect(secrets.redact('aab')).toBe('aab');
  });

  it('blanks the longer of two overlapping secrets whole', () => {
    const secrets = new SecretRegistry();
    secrets.add('abcdefgh');
    secrets.add('abcdefgh-ijklmnop');
    expect(secrets.redact('<abcdefgh-ijklmnop>')).toBe('<[redacted]>');
  });

  it('forgets the oldest value when full, and re-adding a value makes it the newest', () => {
    const secrets = new SecretRegistry(2);
    secrets.add('first-secret');
    secrets.add('second-secret');
    secrets.add('first-secret');
    secrets.add('third-secret');
    expect(secrets.size).toBe(2);
    expect(secrets.redact('first-secret second-secret third-secret')).toBe(
      '[redacted] second-secret [redacted]',
    );
  });

  it('picks up values added after an earlier redact', () => {
    const secrets = new SecretRegistry();
    secrets.add('first-secret');
    expect(secrets.redact('later-secret')).toBe('later-secret');
    secrets.add('later-secret');
    expect(secrets.redact('later-secret')).toBe('[redacted]');
  });
});
