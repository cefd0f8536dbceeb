import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { type CliRun, runCli } from '../testing';

interface Check {
  status: string;
  title: string;
  detail: string;
  fix?: string;
}

describe('doctor command', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  const runs: CliRun[] = [];
  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const r = await runCli(args, { ...home.env, NO_COLOR: '1', ...extra });
    runs.push(r);
    return r;
  };
  const checks = (r: CliRun): Record<string, Check> =>
    Object.fromEntries((JSON.parse(r.stdout).checks as Check[]).map((c) => [c.title, c]));

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'doctor-cli-',
      sessions: [
        { name: 'corp', profiles: ['dev'] },
        { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
      ],
    });
    ({ emulator, dir, home } = world);
  });

  afterAll(async () => {
    await world.close();
  });

  it('--profile --json: exit 0 with only warnings, role credentials obtained', async () => {
    const r = await cli(['doctor', '--profile', 'dev', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
    const found = checks(r);
    expect(found['role credentials dev'].status).toBe('pass');
    expect(found.daemon).toMatchObject({
      status: 'warn',
      fix: expect.stringContaining('sso-supervisor install'),
    });
    expect(found.clock.status).toBe('pass');
  });

  it('prints pass, warn and FAIL lines with fixes and a summary, exit 1 when something fails', async () => {
    const r = await cli(['doctor']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^pass {2}cache file corp: /m);
    expect(r.stdout).toMatch(/^warn {2}daemon: not running/m);
    expect(r.stdout).toMatch(
      /^FAIL {2}cache file nobody: .*\n {6}fix: run aws sso login --sso-session nobody$/m,
    );
    expect(r.stdout).toMatch(/^1 failed, 1 warning\(s\), \d+ passed$/m);
  });

  it('diagnoses a broken supervisor.yaml instead of stopping at it', async () => {
    const config = join(dir, 'broken.yaml');
    await writeFile(config, 'version: 2\n');
    const r = await cli(['--config', config, 'doctor', '--profile', 'dev', '--json']);
    expect(r.code).toBe(1);
    const found = checks(r);
    expect(found['supervisor config']).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(config),
    });
    expect(found['role credentials dev'].status).toBe('pass');
  });

  it('takes the profile from AWS_PROFILE and flags environment keys that shadow it', async () => {
    const r = await cli(['doctor', '--json'], {
      AWS_PROFILE: 'dev',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE',
    });
    const found = checks(r);
    expect(found['profile dev'].status).toBe('pass');
    expect(found['environment credentials'].status).toBe('warn');
    expect(r.stdout).not.toContain('AKIAEXAMPLEEXAMPLE');
  });

  it('fails the profile check for an unknown profile', async () => {
    const r = await cli(['doctor', '--profile', 'nope', '--json']);
    expect(r.code).toBe(1);
    expect(checks(r)['profile nope'].status).toBe('fail');
  });

  it('SESSION checks only that session; a typo gets a did-you-mean; a session and --profile is exit 2', async () => {
    const one = await cli(['doctor', 'corp', '--json'], { AWS_PROFILE: 'sandbox' });
    expect(one.code).toBe(0);
    const found = checks(one);
    expect(found['session corp'].status).toBe('pass');
    expect(found['cache file corp'].status).toBe('pass');
    expect(found['cache file nobody']).toBeUndefined();
    expect(found['profile sandbox']).toBeUndefined();
    const typo = await cli(['doctor', 'crp', '--json']);
    expect(checks(typo)['session crp']).toMatchObject({
      status: 'fail',
      detail: `no SSO session or profile "crp" in ${home.configFile} (did you mean "corp"?)`,
    });
    const both = await cli(['doctor', 'corp', '--profile', 'dev']);
    expect(both).toMatchObject({
      code: 2,
      stderr: 'error: give a session name or --profile PROFILE, not both\n',
    });
  });

  it('has help text naming the checks', async () => {
    const r = await cli(['doctor', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--profile <profile>');
    expect(r.stdout).toContain('environment credentials');
  });

  it('prints no secret', () => {
    const secrets = emulator.issuedSecrets();
    expect(
      secrets.filter((s) => runs.some((r) => r.stdout.includes(s) || r.stderr.includes(s))),
    ).toStrictEqual([]);
  });
});
