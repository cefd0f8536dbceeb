import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { PassThrough } from 'node:stream';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import type { CliIo } from '../cli-io';
import { type CliRun, runCli } from '../testing';
import { buildProgram } from '../program';

function terminalIo(env: Record<string, string>): { io: CliIo; out: () => string; err: () => string } {
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const io = { stdout, stderr, env, cwd: tmpdir(), platform: process.platform };
  return { io, out: () => out, err: () => err };
}

async function runInProcess(io: CliIo, args: string[]): Promise<number> {
  const result = { code: 0 };
  const program = buildProgram(io, result);
  await program.parseAsync(['node', 'sso-supervisor', ...args]);
  return result.code;
}

describe('token command', () => {
  let emulator: Emulator;
  let world: World;
  let home: SsoHome;
  const runs: CliRun[] = [];
  const cli = async (...args: string[]) => {
    const r = await runCli(args, home.env);
    runs.push(r);
    return r;
  };

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'token-cli-',
      sessions: [
        { name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 300 },
        { name: 'fresh', profiles: ['prod'] },
        { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
      ],
    });
    ({ emulator, home } = world);
  });

  afterAll(async () => {
    await world.close();
  });

  it('refuses a terminal without --force: exit 2, nothing on stdout', async () => {
    const t = terminalIo(home.env);
    expect(await runInProcess(t.io, ['token', 'fresh'])).toBe(2);
    expect(t.out()).toBe('');
    expect(t.err()).toContain('refusing to print an SSO access token to a terminal');
  });

  it('prints to a terminal with --force', async () => {
    const t = terminalIo(home.env);
    expect(await runInProcess(t.io, ['token', 'fresh', '--force'])).toBe(0);
    expect(t.out()).toBe(`${home.sessions.fresh.login!.accessToken}\n`);
  });

  it('prints the token and nothing else to a pipe, refreshing it first when due', async () => {
    const r = await cli('token', 'corp');
    const cached = JSON.parse(await readFile(home.sessions.corp.cacheFile, 'utf8'));
    expect(r).toStrictEqual({ code: 0, stdout: `${cached.accessToken}\n`, stderr: '' });
    expect(cached.accessToken).not.toBe(home.sessions.corp.login!.accessToken);
    expect(emulator.calls.createToken.refresh_token).toBe(1);
  });

  it('takes a profile name for its session', async () => {
    const r = await cli('token', 'prod');
    expect(r.stdout).toBe(`${home.sessions.fresh.login!.accessToken}\n`);
  });

  it('takes $AWS_PROFILE when no session is named, and --profile like the other commands', async () => {
    const fromEnv = await runCli(['token'], { ...home.env, AWS_PROFILE: 'prod' });
    expect(fromEnv).toStrictEqual({
      code: 0,
      stdout: `${home.sessions.fresh.login!.accessToken}\n`,
      stderr: '',
    });
    const flag = await cli('token', '--profile', 'prod');
    expect(flag.stdout).toBe(`${home.sessions.fresh.login!.accessToken}\n`);
    const typo = await runCli(['token'], { ...home.env, AWS_PROFILE: 'prd' });
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toBe(
      `error: no profile "prd" (from AWS_PROFILE) in ${home.configFile} (did you mean "prod"?)\n`,
    );
  });

  it.each([
    [['token', 'nope'], 2, /no SSO session or profile "nope" .* \(sessions: corp, fresh, nobody\)/],
    [['token', 'corq'], 2, /no SSO session or profile "corq" .* \(did you mean "corp"\?\)/],
    [['token'], 2, /no session given: name one \(SESSION or --profile PROFILE\) or set AWS_PROFILE/],
    [['token', 'nobody'], 1, /run aws sso login --sso-session nobody/],
  ])('%j exits %d with the reason on stderr', async (args, code, message) => {
    const r = await cli(...args);
    expect(r).toMatchObject({ code, stdout: '' });
    expect(r.stderr).toMatch(message);
  });

  it('never writes a secret to stderr', () => {
    const secrets = emulator.issuedSecrets();
    expect(secrets.filter((s) => runs.some((r) => r.stderr.includes(s)))).toStrictEqual([]);
  });
});
