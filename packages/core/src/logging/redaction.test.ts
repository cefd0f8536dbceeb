import { SecretRegistry, redactValue, redactFormat } from './redaction';
import type { Logform } from 'winston';

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

describe(redactValue.name, () => {
  const secrets = new SecretRegistry();
  secrets.add('registered-secret-value');

  it('applies the key rule to Map keys and drops functions', () => {
    const value = new Map<string, unknown>([
      ['webhookSecret', 'abc'],
      ['callback', () => 1],
    ]);
    expect(redactValue(value, secrets)).toEqual({ webhookSecret: '[redacted]', callback: undefined });
  });

  it('cuts objects nested too deep, and returns primitives as they are', () => {
    let deep: Record<string, unknown> = { end: true };
    for (let i = 0; i < 20; i++) deep = { next: deep };
    expect(JSON.stringify(redactValue(deep, secrets))).toContain('"[too deep]"');
    expect(redactValue(42, secrets)).toBe(42);
    expect(redactValue('x registered-secret-value', secrets)).toBe('x [redacted]');
  });

  it('sees the same object twice when it is shared but not circular', () => {
    const shared = { name: 'corp' };
    expect(redactValue({ a: shared, b: shared }, secrets)).toEqual({
      a: { name: 'corp' },
      b: { name: 'corp' },
    });
  });
});

describe('redact-format', () => {
  const TOKEN = 'aoaSEEDEDtoken0123456789abcdef';
  const LEVEL = Symbol.for('level');
  const SPLAT = Symbol.for('splat');

  function run(info: Logform.TransformableInfo): Logform.TransformableInfo {
    const secrets = new SecretRegistry();
    secrets.add(TOKEN);
    return redactFormat(secrets).transform(info) as Logform.TransformableInfo;
  }

  describe(redactFormat.name, () => {
    it('blanks secret keys at any depth, keeping safe keys and presence flags', () => {
      const out = run({
        level: 'info',
        message: 'refreshed',
        accessToken: 'not-registered-1234',
        session: { name: 'corp', tokens: { refreshToken: 'r-not-registered-1234' }, tokenType: 'Bearer' },
        headers: [{ Authorization: 'Bearer whatever-value' }],
        expiresAt: '2026-11-22T10:00:00Z',
        hasRefreshToken: true,
        clientSecret: null,
        smtp: { password: 12345678 },
      });
      expect(out).toEqual({
        level: 'info',
        message: 'refreshed',
        accessToken: '[redacted]',
        session: { name: 'corp', tokens: '[redacted]', tokenType: 'Bearer' },
        headers: [{ Authorization: '[redacted]' }],
        expiresAt: '2026-11-22T10:00:00Z',
        hasRefreshToken: true,
        clientSecret: null,
        smtp: { password: '[redacted]' },
      });
    });

    it('blanks registered values inside the message, field strings and the stack', () => {
      const out = run({
        level: 'warn',
        message: `got ${TOKEN}`,
        note: { text: `x${TOKEN}y` },
        stack: `Error: ${TOKEN}`,
      });
      expect(out).toEqual({
        level: 'warn',
        message: 'got [redacted]',
        note: { text: 'x[redacted]y' },
        stack: 'Error: [redacted]',
      });
    });

    it('turns nested errors into plain objects with message, stack, code and cause, and drops their requests', () => {
      const cause = new Error(`inner ${TOKEN}`);
      const error = Object.assign(new Error(`outer ${TOKEN}`, { cause }), {
        code: 'ECONNRESET',
        config: { data: `refresh_token=${TOKEN}` },
      });
      const out = run({ level: 'error', message: 'failed', error }) as unknown as {
        error: Record<string, unknown>;
      };
      expect(out.error).toMatchObject({ name: 'Error', message: 'outer [redacted]', code: 'ECONNRESET' });
      expect(out.error.config).toBeUndefined();
      expect(out.error.stack).toMatch(/^Error: outer \[redacted\]\n\s+at /);
      expect(out.error.cause).toMatchObject({ message: 'inner [redacted]' });
      expect(JSON.stringify(out)).not.toContain(TOKEN);
    });

    it('handles an Error given as the entry itself', () => {
      const error = new Error(`boom ${TOKEN}`) as Error & Logform.TransformableInfo;
      error.level = 'error';
      const out = run(error);
      expect(out.message).toBe('boom [redacted]');
      expect(out.stack).toMatch(/^Error: boom \[redacted\]/);
    });

    it('keeps the level symbol, drops the raw splat arguments, and leaves the caller objects untouched', () => {
      const fields = { accessToken: TOKEN };
      const out = run({ level: 'info', message: 'm', [LEVEL]: 'info', [SPLAT]: [fields], ...fields });
      expect(out[LEVEL]).toBe('info');
      expect(out[SPLAT]).toBeUndefined();
      expect(fields.accessToken).toBe(TOKEN);
    });

    it('cuts cycles and writes dates, bigints and buffers as text', () => {
      const loop: Record<string, unknown> = { name: 'loop' };
      loop.self = loop;
      const out = run({
        level: 'info',
        message: 'm',
        loop,
        at: new Date('2026-11-22T09:00:00Z'),
        big: 10n,
        raw: Buffer.from(TOKEN),
        list: new Set([TOKEN]),
      });
      expect(out).toMatchObject({
        loop: { name: 'loop', self: '[circular]' },
        at: '2026-11-22T09:00:00.000Z',
        big: '10',
        raw: `[${TOKEN.length} bytes]`,
        list: ['[redacted]'],
      });
      expect(() => JSON.stringify(out)).not.toThrow();
    });
  });
});
