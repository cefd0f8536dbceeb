import { jsonLineFormat } from './json-line-format';

const MESSAGE = Symbol.for('message');

describe(jsonLineFormat.name, () => {
  it('writes one JSON object with time, level and message first', () => {
    const info = {
      level: 'info',
      message: 'token refreshed',
      session: 'corp',
      time: '2026-11-22T09:20:00.000Z',
    };
    const out = jsonLineFormat().transform({ ...info }) as Record<symbol, string>;
    expect(out[MESSAGE]).toBe(
      '{"time":"2026-11-22T09:20:00.000Z","level":"info","message":"token refreshed","session":"corp"}',
    );
  });
});
