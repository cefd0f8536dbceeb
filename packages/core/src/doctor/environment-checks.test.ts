import { checkDaemon, checkClock, checkEnvironmentCredentials } from './environment-checks';

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

  it('fails when run refused a config error, with the first error and how to restart', () => {
    const refusal = {
      at: '2026-11-22T09:00:00.000Z',
      configFile: '/cfg/supervisor.yaml',
      errors: ['/cfg/supervisor.yaml:3:14 defaults.threshold: not a duration', 'second'],
      pid: 99,
    };
    expect(checkDaemon(null, { state: null }, refusal, 'linux')).toStrictEqual({
      status: 'fail',
      title: 'daemon',
      detail:
        'stopped on a config error at 2026-11-22T09:00:00.000Z (pid 99), and the service manager will not ' +
        'restart it: /cfg/supervisor.yaml:3:14 defaults.threshold: not a duration (and 1 more)',
      fix: 'fix the config, check it with `sso-supervisor validate`, then restart the service (`systemctl --user restart sso-supervisor`)',
    });
    expect(checkDaemon(null, { state: null }, refusal, 'darwin').fix).toContain(
      'launchctl kickstart -k gui/$(id -u)/dev.sso-supervisor',
    );
  });

  it('passes while a daemon runs, whatever an old refusal says', () => {
    const refusal = { at: '2026-11-22T09:00:00.000Z', configFile: null, errors: ['x'], pid: 1 };
    expect(checkDaemon(7, { state }, refusal).status).toBe('pass');
  });
});

const server = new Date('2026-11-22T09:00:00Z');
const skewed = (ms: number) => new Date(server.getTime() + ms);

describe(checkClock.name, () => {
  it('passes in step with the endpoint', () => {
    expect(checkClock(skewed(800), server)).toStrictEqual({
      status: 'pass',
      title: 'clock',
      detail: 'in step with the endpoint',
    });
  });

  it('passes a few seconds off, saying how far', () => {
    expect(checkClock(skewed(-20_000), server).detail).toBe("20s behind the endpoint's clock");
  });

  it('warns more than a minute off', () => {
    expect(checkClock(skewed(3 * 60_000), server)).toMatchObject({
      status: 'warn',
      detail: "3m ahead of the endpoint's clock",
      fix: expect.stringContaining('timedatectl set-ntp true'),
    });
  });

  it('fails more than five minutes off, where AWS rejects requests', () => {
    expect(checkClock(skewed(-2 * 3600_000), server)).toMatchObject({
      status: 'fail',
      detail: expect.stringMatching(/^2h00m behind the endpoint's clock: AWS rejects requests/),
    });
  });

  it('warns when no endpoint gave a time to compare with', () => {
    expect(checkClock(server, undefined)).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('no endpoint answered'),
    });
  });
});

const KEY_TAIL = 'EXAMPLEKEY123456';

describe(checkEnvironmentCredentials.name, () => {
  it('passes with no keys in the environment', () => {
    expect(checkEnvironmentCredentials({ AWS_PROFILE: 'dev' })).toMatchObject({ status: 'pass' });
  });

  it('fails for a temporary key without its session token', () => {
    expect(checkEnvironmentCredentials({ AWS_ACCESS_KEY_ID: `ASIA${KEY_TAIL}` })).toMatchObject({
      status: 'fail',
      fix: 'unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN',
    });
  });

  it('warns for long-term keys', () => {
    const check = checkEnvironmentCredentials({
      AWS_ACCESS_KEY_ID: `AKIA${KEY_TAIL}`,
      AWS_SECRET_ACCESS_KEY: 's',
    });
    expect(check).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('long-term access keys (AKIA...)'),
    });
  });

  it('warns for complete temporary credentials, which still shadow the profile', () => {
    const check = checkEnvironmentCredentials({
      AWS_ACCESS_KEY_ID: `ASIA${KEY_TAIL}`,
      AWS_SESSION_TOKEN: 't',
    });
    expect(check).toMatchObject({
      status: 'warn',
      detail: 'AWS_ACCESS_KEY_ID (ASIA...) is set: it is used instead of the SSO profile',
    });
  });

  it('never prints more than the key prefix', () => {
    for (const prefix of ['ASIA', 'AKIA', 'ABCD']) {
      const check = checkEnvironmentCredentials({ AWS_ACCESS_KEY_ID: `${prefix}${KEY_TAIL}` });
      expect(JSON.stringify(check)).not.toContain(KEY_TAIL);
    }
  });
});
