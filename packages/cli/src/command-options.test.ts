import { Command } from 'commander';
import { parseCount, parsePort, parseSeconds, sessionChoice } from './command-options';

describe('command option parsers', () => {
  it('reads seconds as milliseconds and refuses what a Node timer cannot hold', () => {
    expect(parseSeconds('1.5')).toBe(1500);
    expect(() => parseSeconds('0')).toThrow('positive number of seconds');
    expect(() => parseSeconds('abc')).toThrow('positive number of seconds');
    expect(() => parseSeconds(String(30 * 24 * 3600))).toThrow('about 24 days');
  });

  it('takes ports 1 to 65535 and whole counts from 0', () => {
    expect(parsePort('8080')).toBe(8080);
    for (const bad of ['0', '65536', '1.5', 'x']) expect(() => parsePort(bad)).toThrow('expected a port');
    expect(parseCount('0')).toBe(0);
    expect(() => parseCount('-1')).toThrow('whole number');
  });

  it('gives one command many sessions and a repeatable --profile, another one of each', () => {
    const many = sessionChoice(new Command('status'), true, 'default: all').exitOverride();
    many.action(() => undefined).parse(['a', 'b', '--profile', 'p1', '--profile', 'p2'], { from: 'user' });
    expect(many.processedArgs).toEqual([['a', 'b']]);
    expect(many.opts()).toEqual({ profile: ['p1', 'p2'] });
    const one = sessionChoice(new Command('login'), false, 'default: AWS_PROFILE').exitOverride();
    one.action(() => undefined).parse(['a', '--profile', 'p'], { from: 'user' });
    expect(one.processedArgs).toEqual(['a']);
    expect(one.opts()).toEqual({ profile: 'p' });
  });
});
