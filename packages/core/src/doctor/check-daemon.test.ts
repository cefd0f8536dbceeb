import { checkDaemon } from './check-daemon';

const state = {
  version: 1 as const,
  pid: 4242,
  startedAt: '2026-11-22T09:00:00.000Z',
  updatedAt: '2026-11-22T09:01:00.000Z',
  sessions: {},
};

describe(checkDaemon.name, () => {
  it('passes when the lock holder runs, with its start from the state file', () => {
    expect(checkDaemon(4242, { state })).toStrictEqual({
      status: 'pass',
      title: 'daemon',
      detail: 'running (pid 4242, since 2026-11-22T09:00:00.000Z)',
    });
  });

  it('leaves out a start time from another daemon’s state file', () => {
    expect(checkDaemon(7, { state }).detail).toBe('running (pid 7)');
  });

  it('warns when none runs, with how to run one', () => {
    expect(
      checkDaemon(null, { state: null, warning: 'state.json is not valid JSON; ignored' }),
    ).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('not running; state.json is not valid JSON; ignored'),
      fix: expect.stringContaining('sso-supervisor install'),
    });
  });
});
