import type { Logform } from 'winston';
import { redactFormat } from './redact-format';
import { SecretRegistry } from './secret-registry';

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
