import { defaultConfig } from './default-config';

describe(defaultConfig.name, () => {
  it('supervises every session from the AWS config, with no notifiers, outside the AWS CLI refresh window', () => {
    const config = defaultConfig();
    expect(config.file).toBeNull();
    expect(config.sessions).toBeUndefined();
    expect(config.notifiers).toEqual([]);
    expect(config.defaults.threshold).toBeGreaterThan(15 * 60_000);
  });

  it('returns a fresh object each time, so one caller cannot change another`s defaults', () => {
    const first = defaultConfig();
    first.defaults.retry.attempts = 99;
    first.notifiers.push({ name: 'x', private: false, cooldown: 0, options: {}, path: 'notifiers[0]' });
    expect(defaultConfig().defaults.retry.attempts).toBe(4);
    expect(defaultConfig().notifiers).toEqual([]);
  });
});
