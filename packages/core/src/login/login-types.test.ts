import { sampleSession } from '../test-support/sample-session';
import { supervisorLoginCommand } from './login-types';

describe(supervisorLoginCommand.name, () => {
  it('names an sso-session by name and a legacy session by its first profile', () => {
    const corp = sampleSession('/cache', 'corp');
    expect(supervisorLoginCommand(corp)).toBe('sso-supervisor login corp');
    const legacy = { ...corp, name: null, profiles: ['legacy-admin', 'legacy-ro'] };
    expect(supervisorLoginCommand(legacy)).toBe('sso-supervisor login --profile legacy-admin');
  });
});
