import { checkSupervisorConfig } from './check-supervisor-config';

describe(checkSupervisorConfig.name, () => {
  it('passes with a clean file, or with none', () => {
    expect(checkSupervisorConfig('/c/supervisor.yaml', [], [])).toMatchObject({
      status: 'pass',
      detail: '/c/supervisor.yaml',
    });
    expect(checkSupervisorConfig(null, [], []).detail).toMatch(/^no supervisor.yaml/);
  });

  it('warns with its warnings', () => {
    expect(checkSupervisorConfig('/c/s.yaml', [], ['threshold 5m is below 15m'])).toMatchObject({
      status: 'warn',
      detail: '/c/s.yaml: threshold 5m is below 15m',
    });
  });

  it('fails with its errors and says the rest runs on defaults', () => {
    const check = checkSupervisorConfig('/c/s.yaml', ['/c/s.yaml:1:10 version: must be 1'], []);
    expect(check).toMatchObject({ status: 'fail', fix: expect.stringContaining('validate') });
    expect(check.detail).toBe('/c/s.yaml:1:10 version: must be 1; the other checks use the defaults');
  });
});
