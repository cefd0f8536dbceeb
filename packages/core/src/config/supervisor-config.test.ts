import { defaultConfig } from './supervisor-config';

describe(defaultConfig.name, () => {
  it('supervises every session from the AWS config, with no notifiers or exports, outside the AWS CLI refresh window', () => {
    const config = defaultConfig();
    expect(config.file).toBeNull();
    expect(config.sessions).toBeUndefined();
    expect(config.notifiers).toEqual([]);
    expect(config.exports).toEqual([]);
    expect(config.defaults.threshold).toBeGreaterThan(15 * 60_000);
  });

  it('warns 3 days before the registration ends, and of the session end only once its length is given', () => {
    const { defaults } = defaultConfig();
    expect(defaults.registrationWarning).toBe(3 * 86_400_000);
    expect(defaults.sessionWarning).toBe(30 * 60_000);
    expect(defaults.sessionDuration).toBeUndefined();
  });

  it('returns a fresh object each time, so one caller cannot change another`s defaults', () => {
    const first = defaultConfig();
    first.defaults.retry.attempts = 99;
    first.notifiers.push({ name: 'x', private: false, cooldown: 0, options: {}, path: 'notifiers[0]' });
    expect(defaultConfig().defaults.retry.attempts).toBe(4);
    expect(defaultConfig().notifiers).toEqual([]);
  });
});
