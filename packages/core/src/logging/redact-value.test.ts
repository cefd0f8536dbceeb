import { redactValue } from './redact-value';
import { SecretRegistry } from './secret-registry';

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
