import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { leakedSecrets, runCli, type CliRun } from '../testing';

const SECRET = 'https://hooks.slack.com/services/T000/B000/refusal-secret-6f1d';
// A notifier error only: the session parts still load, so `status` can show the sessions beside it.
const BROKEN = `version: 1
defaults:
  threshold: 5m
notifiers:
  - name: team
    type: slack
    webhookUrl: \${SLACK_HOOK}
    events: [not.an.event]
`;
const FIXED = `version: 1
defaults:
  threshold: 5m
`;

/** A service stopped on a config error (run exits 2, never restarted) as `status` and `doctor` show it. */
describe('run refusing a broken config', () => {
  let world: World;
  let env: Record<string, string>;
  const runs: CliRun[] = [];
  const cli = async (args: string[]) => {
    const r = await runCli(args, env);
    runs.push(r);
    return r;
  };
  const refusalFile = () => join(world.stateDir, 'config-refusal.json');

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'cli-refusal-',
      sessions: [{ name: 'corp', profiles: ['dev'] }],
      config: BROKEN,
      env: { SLACK_HOOK: SECRET, NO_COLOR: '1' },
    });
    env = world.env;
  });

  afterAll(async () => {
    await world.close();
  });

  it('exits 2 and leaves a 0600 record with the error as FILE:LINE:COL, no secret', async () => {
    const r = await cli(['run', '--duration', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${world.configFile}:8:`);
    expect((await stat(refusalFile())).mode & 0o777).toBe(0o600);
    expect(await readFile(refusalFile(), 'utf8')).not.toContain('refusal-secret-6f1d');
  });

  it('status says the daemon stopped on a config error, the error, when, and what to do (exit 1)', async () => {
    const text = await cli(['status']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /^daemon stopped on a config error (now|\d+ seconds? ago) \(\d\d:\d\d UTC\) \(pid \d+\)\n/,
    );
    expect(text.stdout).toContain(`  ${world.configFile}:8:`);
    expect(text.stdout).toContain(
      'fix: fix the config, check it with `sso-supervisor validate`, then restart',
    );
    expect(text.stdout).toContain('corp');

    const json = await cli(['status', '--json']);
    expect(json.code).toBe(1);
    const { daemon } = JSON.parse(json.stdout);
    expect(daemon).toMatchObject({
      running: false,
      configError: {
        configFile: world.configFile,
        errors: [expect.stringMatching(new RegExp(`^${world.configFile}:8:\\d+ notifiers\\[0\\]\\.events`))],
        pid: expect.any(Number),
        fix: expect.stringContaining('systemctl --user restart sso-supervisor'),
      },
    });
    expect(Date.now() - Date.parse(daemon.configError.at)).toBeLessThan(60_000);
  });

  it('doctor fails the daemon check with the error and the fix', async () => {
    const r = await cli(['doctor', '--json']);
    expect(r.code).toBe(1);
    const daemon = JSON.parse(r.stdout).checks.find((c: { title: string }) => c.title === 'daemon');
    expect(daemon).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(`stopped on a config error`),
      fix: expect.stringContaining('sso-supervisor validate'),
    });
    expect(daemon.detail).toContain(`${world.configFile}:8:`);
  });

  it('a status that cannot read the config either still says the service stopped on it', async () => {
    await writeFile(world.configFile, 'version: 1\ndefaults:\n  threshold: [\n');
    const r = await cli(['status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the daemon stopped on a config error .*sso-supervisor validate/);
  });

  it('a daemon that starts removes the record; status is back to "not running"', async () => {
    await writeFile(world.configFile, FIXED);
    const run = await cli(['run', '--duration', '1']);
    expect(run.code).toBe(0);
    expect(await readdir(world.stateDir)).not.toContain('config-refusal.json');
    const status = await cli(['status', '--json']);
    expect(JSON.parse(status.stdout).daemon).toStrictEqual({ running: false });
    expect((await cli(['status'])).stdout).toMatch(/^daemon not running\n/);
  });

  it('prints no secret', async () => {
    expect(
      leakedSecrets(
        [SECRET, 'refusal-secret-6f1d'],
        runs.flatMap((r) => [r.stdout, r.stderr]),
      ),
    ).toEqual([]);
  });
});
