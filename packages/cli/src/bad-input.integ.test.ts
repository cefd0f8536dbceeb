import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { type CliRun, leakedSecrets, runCli } from './testing';

/**
 * Bad input as a user types it, through the built bin: each gets a message naming the file and field,
 * the documented exit code (docs/contract.md), and no warning from Node itself.
 */
describe('bad input', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let env: Record<string, string>;
  const outputs: CliRun[] = [];
  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const r = await runCli(args, { ...env, ...extra });
    outputs.push(r);
    return r;
  };

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'cli-bad-input-',
      sessions: [
        { name: 'corp', profiles: ['dev', 'prod'] },
        { name: 'fresh', profiles: ['staging'] },
      ],
    });
    ({ emulator, dir, home } = world);
    env = { ...home.env, NO_COLOR: '1' };
  });

  afterAll(async () => {
    expect(
      leakedSecrets(
        emulator.issuedSecrets(),
        outputs.map((o) => o.stderr),
      ),
    ).toEqual([]);
    await world.close();
  });

  it('run --duration past what a Node timer holds is a usage error, without a TimeoutOverflowWarning', async () => {
    const r = await cli(['run', '--duration', '99999999999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected at most 2147483 seconds (about 24 days)');
    expect(r.stderr).not.toMatch(/Warning/);
  });

  it('an AWS config that is missing, a folder or unreadable is exit 2 naming the file, not "no sessions"', async () => {
    const folder = join(dir, 'config-folder');
    await mkdir(folder);
    const notAFolder = join(dir, 'plain-file');
    await writeFile(notAFolder, '');
    for (const [file, reason] of [
      [join(dir, 'absent'), 'no AWS config file here; run `aws configure sso` or set AWS_CONFIG_FILE'],
      [folder, 'is a directory, not a file'],
      [join(notAFolder, 'config'), 'cannot be read (ENOTDIR)'],
    ]) {
      for (const command of [['status'], ['refresh'], ['token', 'corp'], ['login', 'corp']]) {
        const r = await cli(command, { AWS_CONFIG_FILE: file });
        expect({ command, code: r.code, stderr: r.stderr }).toEqual({
          command,
          code: 2,
          stderr: `error: ${file}: ${reason}\n`,
        });
      }
    }
  });

  it('a 5,000-character session name is cut in the message', async () => {
    const name = 'x'.repeat(5000);
    for (const command of [
      ['refresh', name],
      ['status', name],
      ['token', name],
    ]) {
      const r = await cli(command);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"${'x'.repeat(64)}..." (5000 characters)`);
      expect(r.stderr.length).toBeLessThan(400);
    }
  });

  it('retry.baseDelay: 30d is refused at FILE:LINE:COL before any call is made', async () => {
    const configEnv = await world.withConfig(
      'slow-retry',
      'version: 1\ndefaults:\n  retry: { baseDelay: 30d, maxDelay: 30d }\n',
    );
    emulator.resetCalls();
    const r = await runCli(['refresh', '--force'], { ...configEnv, NO_COLOR: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${join(dir, 'slow-retry.yaml')}:3:23 defaults.retry.baseDelay: must be at most 1m`,
    );
    expect(emulator.calls.createToken.refresh_token).toBe(0);
  });

  it('@hourly is a schedule; a mis-indented key is named at its own line in our words', async () => {
    const hourly = await world.withConfig('hourly', 'version: 1\ndefaults:\n  schedule: "@hourly"\n');
    expect((await runCli(['validate'], hourly)).code).toBe(0);
    const file = join(dir, 'indent.yaml');
    const indent = await world.withConfig(
      'indent',
      'version: 1\ndefaults:\n  threshold: 30m\n    timeout: 5s\n',
    );
    const r = await runCli(['status'], indent);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: ${file}:4:5: invalid YAML: this line is indented deeper than the key above it, which already has a value; line it up with the keys beside it\n`,
    );
  });

  it('SESSION and --profile pick sessions the same way in status and refresh, with a did-you-mean', async () => {
    const status = await cli(['status', '--json', 'fresh', '--profile', 'dev']);
    expect(JSON.parse(status.stdout).sessions.map((s: { name: string }) => s.name)).toEqual([
      'corp',
      'fresh',
    ]);
    const one = await cli(['status', '--json', '--profile', 'staging']);
    expect(JSON.parse(one.stdout).sessions.map((s: { name: string }) => s.name)).toEqual(['fresh']);
    const typo = await cli(['refresh', 'frsh', '--profile', 'stagin']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      [
        `error: no SSO session or profile "frsh" in ${home.configFile} (did you mean "fresh"?)`,
        `error: no profile "stagin" in ${home.configFile} (did you mean "staging"?)`,
        '',
      ].join('\n'),
    );
  });

  it('FORCE_COLOR colours a pipe, over NO_COLOR; FORCE_COLOR=0 turns colour off', async () => {
    const forced = await cli(['refresh'], { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[32m');
    const off = await cli(['refresh'], { FORCE_COLOR: '0' });
    expect(off.stdout).not.toContain('\u001b[');
  });
});
