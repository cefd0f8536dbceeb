import { formatFinding } from './aws-config-finding';

describe(formatFinding.name, () => {
  it('puts file, section and field before the message', () => {
    expect(
      formatFinding({
        severity: 'error',
        file: '/c',
        section: 'profile dev',
        field: 'sso_region',
        message: 'is required',
      }),
    ).toBe('/c: [profile dev] sso_region: is required');
  });

  it('leaves out what it does not have', () => {
    expect(formatFinding({ severity: 'error', file: '/c', message: 'is a directory, not a file' })).toBe(
      '/c: is a directory, not a file',
    );
    expect(formatFinding({ severity: 'warning', file: '/c', section: 'sso-session x', message: 'm' })).toBe(
      '/c: [sso-session x]: m',
    );
  });
});
