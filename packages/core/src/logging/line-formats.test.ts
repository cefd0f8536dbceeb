import { jsonLineFormat, humanLineFormat, humanLogLine } from './line-formats';
import { humanTime } from '../util/human-time';

describe('json-line-format', () => {
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
});

describe('human-line-format', () => {
  const MESSAGE = Symbol.for('message');
  const time = '2026-11-22T09:20:00.000Z';

  function line(fields: Record<string, unknown>, colour = false): string {
    const out = humanLineFormat({ colour }).transform({ level: 'info', message: 'checked', time, ...fields });
    return (out as Record<symbol, string>)[MESSAGE];
  }

  describe(humanLineFormat.name, () => {
    it('quotes only values that need it and writes the rest as JSON', () => {
      expect(
        line({ session: 'corp', note: 'two words', empty: '', eq: 'a=b', n: 3, ok: true, none: null }),
      ).toBe(`${time} INFO  checked session=corp note="two words" empty="" eq="a=b" n=3 ok=true none=null`);
    });

    it('leaves out undefined fields and colours only the level', () => {
      expect(line({ gone: undefined }, true)).toBe(`${time} \x1b[32mINFO \x1b[0m checked`);
    });

    it('puts a stack below the line, indented', () => {
      expect(line({ stack: 'Error: boom\n    at here' })).toBe(
        `${time} INFO  checked\n    Error: boom\n        at here`,
      );
    });
  });
});

describe('humanLogLine', () => {
  it('shows the time the way status does: local, with the zone', () => {
    const time = humanTime({ TZ: 'Europe/Paris' });
    const record = { time: '2026-11-22T09:20:05.000Z', level: 'warn', message: 'slow', session: 'corp' };
    expect(humanLogLine(record, { colour: false, time })).toBe(
      '2026-11-22 10:20:05 CET WARN  slow session=corp',
    );
  });
});
