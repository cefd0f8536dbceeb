import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { type CliRun, leakedSecrets, runCli } from './testing';

/** status, refresh and validate as a user runs them: the built bin, a throw-away HOME, the emulator. */
describe('one-shot commands', () => {
  let emulator: Emulator;
  let world: World;
  let dir: string;
  let home: SsoHome;
  let env: Record<string, string>;
  const outputs: CliRun[] = [];
  const cli = async (...args: string[]) => {
    const r = await runCli(args, env);
    outputs.push(r);
    return r;
  };

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'cli-',
      sessions: [
        { name: 'corp', profiles: ['dev', 'prod'], accessTokenTtlSeconds: 300 },
        { name: 'fresh', profiles: ['staging'] },
        { name: 'legacy-admin', profiles: ['legacy-admin'], legacy: true, accessTokenTtlSeconds: 300 },
        { name: 'nobody', profiles: ['sandbox'], loggedIn: false },
      ],
    });
    ({ emulator, dir, home } = world);
    env = { ...home.env, NO_COLOR: '1' };
  });

  afterAll(async () => {
    await world.close();
  });

  it('status --json reports each session and exits 1 while one needs a login', async () => {
    const r = await cli('status', '--json');
    expect(r.code).toBe(1);
    const { sessions } = JSON.parse(r.stdout);
    const byName = Object.fromEntries(
      sessions.map((s: { name: string | null; profiles: string[] }) => [s.name ?? s.profiles[0], s]),
    );
    expect(byName.corp).toMatchObject({
      profiles: ['dev', 'prod'],
      state: 'expiring',
      cacheFile: home.sessions.corp.cacheFile,
    });
    expect(byName.fresh.state).toBe('valid');
    expect(byName['legacy-admin']).toMatchObject({ name: null, state: 'expiring' });
    expect(byName.nobody.state).toBe('missing');
    expect(emulator.calls.createToken.refresh_token).toBe(0);
  });

  it('status prints a header and one plain row per session without colour when NO_COLOR is set', async () => {
    const r = await cli('status');
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatch(/^SESSION +PROFILES +LEFT +STATE +LAST REFRESH +NEXT CHECK$/m);
    expect(r.stdout).toMatch(/^corp +dev, prod +\d+m +refresh due +- +-$/m);
    expect(r.stdout).toMatch(/^nobody +sandbox +- +needs a login +- +-$/m);
  });

  it('status never loads the AWS SDK', async () => {
    const record = join(dir, 'loaded.txt');
    const hook = join(dir, 'hook.js');
    await writeFile(
      hook,
      `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(record)}, Object.keys(require.cache).join('\\n')));`,
    );
    const r = await runCli(['status'], env, { nodeArgs: ['--require', hook] });
    outputs.push(r);
    const loaded = await readFile(record, 'utf8');
    expect(loaded).toContain('sso-supervisor');
    expect(loaded).not.toMatch(/@aws-sdk/);
  });

  it('refresh --json refreshes what is due, once per session, and names what needs a person', async () => {
    const r = await cli('refresh', '--json');
    expect(r.code).toBe(1);
    const outcomes = Object.fromEntries(
      JSON.parse(r.stdout).results.map((x: { session: string | null; id: string; outcome: string }) => [
        x.session ?? x.id,
        x.outcome,
      ]),
    );
    expect(outcomes).toEqual({
      corp: 'refreshed',
      fresh: 'skipped',
      [`legacy:${home.sessions['legacy-admin'].startUrl}`]: 'refreshed',
      nobody: 'reauth_required',
    });
    expect(emulator.calls.createToken.refresh_token).toBe(2);
  });

  it('refresh SESSION --force refreshes only that one and exits 0', async () => {
    emulator.resetCalls();
    const r = await cli('refresh', 'fresh', '--force');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fresh: refreshed, valid until /);
    expect(emulator.calls.createToken.refresh_token).toBe(1);
  });

  it('refresh of an unknown session is a usage error (exit 2)', async () => {
    const r = await cli('refresh', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown session: nope');
  });

  it('validate names a broken cache file and exits 1', async () => {
    await writeFile(home.sessions.nobody.cacheFile, '{"accessToken": "x", "expiresAt": ');
    const r = await cli('validate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${home.sessions.nobody.cacheFile}: is not valid JSON`);
  });

  it('an unknown command or flag is exit 2, --help is exit 0', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('status', '--nope')).code).toBe(2);
    const help = await cli('refresh', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--force');
  });

  it('no token, refresh token or client secret reached any output', () => {
    expect(outputs.length).toBeGreaterThan(5);
    expect(emulator.issuedSecrets().length).toBeGreaterThan(5);
    expect(
      leakedSecrets(
        emulator.issuedSecrets(),
        outputs.flatMap((o) => [o.stdout, o.stderr]),
      ),
    ).toEqual([]);
  });
});
