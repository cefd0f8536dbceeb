import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { DaemonProcess, leakedSecrets, runCli, type CliRun } from '../testing';

// One session the daemon will find dead, one healthy, one the config leaves out.
const CONFIG = `version: 1
sessions:
  - name: dev
  - name: prod
defaults:
  schedule: "* * * * * *"
  threshold: 4s
  retry: { attempts: 2, baseDelay: 100ms, maxDelay: 200ms }
  timeout: 3s
`;

interface Status {
  state: string;
  name: string;
  lastResult?: { outcome: string; at: string; error?: string };
}

/** `status` and `logs` as a person reads them, after a real daemon met a dead refresh token. */
describe('status and logs against what the daemon found', () => {
  let world: World;
  let env: Record<string, string>;
  const outputs: CliRun[] = [];
  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const r = await runCli(args, { ...env, ...extra });
    outputs.push(r);
    return r;
  };
  const byName = (r: CliRun) =>
    Object.fromEntries((JSON.parse(r.stdout).sessions as Status[]).map((s) => [s.name, s]));

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'cli-status-',
      emulator: { accessTokenTtlSeconds: 3600 },
      sessions: [
        { name: 'dev', profiles: ['dev-a'], accessTokenTtlSeconds: 3600 },
        { name: 'prod', profiles: ['prod-a', 'prod-b'], accessTokenTtlSeconds: 3 },
        { name: 'newteam', profiles: ['new-a'], accessTokenTtlSeconds: 3600 },
      ],
      config: CONFIG,
    });
    env = { ...world.env, NO_COLOR: '1', TZ: 'Europe/Paris' };
    world.emulator.revokeRefreshToken(world.home.sessions.prod.login!.refreshToken!);
    const daemon = new DaemonProcess({ env });
    try {
      await daemon.waitFor(() => daemon.events('session.reauth_required', 'prod').length === 1);
    } finally {
      await daemon.stop();
    }
  }, 60_000);

  afterAll(async () => {
    await world.close();
  });

  it('still says prod needs a login after the daemon stopped, with the last result', async () => {
    const r = await cli(['status', '--json']);
    expect(r.code).toBe(1);
    const sessions = byName(r);
    expect(sessions.prod).toMatchObject({
      state: 'reauth_required',
      lastResult: { outcome: 'reauth_required', error: expect.stringContaining('aws sso login') },
    });
    expect(sessions.dev.state).toBe('valid');
    expect(JSON.parse(r.stdout).unsupervised).toEqual(['newteam']);
    const human = await cli(['status']);
    const lines = human.stdout.split('\n');
    expect(lines[0]).toBe('daemon not running');
    expect(lines[1]).toMatch(/^SESSION +PROFILES +LEFT +STATE +LAST REFRESH +NEXT CHECK$/);
    expect(human.stdout).toMatch(/^prod +prod-a, prod-b +\S+ +needs a login/m);
    expect(human.stdout).toMatch(/^ {2}last refresh reauth required (?:\S+ ago|now) \(\d\d:\d\d CET\)$/m);
    expect(human.stdout).toMatch(/^not supervised \(`sessions:` in .* leaves them out\): newteam$/m);
    for (const line of lines.filter((l) => !l.startsWith(' ')).slice(0, 4))
      expect(line.length).toBeLessThanOrEqual(80);
  });

  it('status SESSION filters, takes an unsupervised session by name, and refuses an unknown one', async () => {
    const one = await cli(['status', '--json', 'dev-a', 'newteam']);
    expect(one.code).toBe(0);
    expect(Object.keys(byName(one)).sort()).toEqual(['dev', 'newteam']);
    const unknown = await cli(['status', 'prd']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown session or profile "prd"');
    expect(unknown.stderr).toContain('did you mean "prod"?');
    const json = await cli(['status', '--json', 'prd']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('"prd"') }],
    });
  });

  it('refresh takes the unsupervised session by name, as login and status do', async () => {
    const r = await cli(['refresh', '--json', 'newteam']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results).toEqual([
      expect.objectContaining({ session: 'newteam', outcome: 'skipped' }),
    ]);
  });

  it('logs shows readable lines in local time, --utc in UTC, --json the file as written', async () => {
    const local = await cli(['logs', '-n', '3']);
    expect(local.code).toBe(0);
    const lines = local.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d CET (INFO|WARN|ERROR|DEBUG) /);
    const utc = await cli(['--utc', 'logs', '-n', '1']);
    expect(utc.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC /);
    const json = await cli(['logs', '--json', '-n', '3']);
    const records = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(3);
    expect(records[0].time).toMatch(/Z$/);
  });

  it('no token, refresh token or client secret reached any output', () => {
    const texts = outputs.flatMap((o) => [o.stdout, o.stderr]);
    expect(leakedSecrets(world.emulator.issuedSecrets(), texts)).toEqual([]);
  });
});
