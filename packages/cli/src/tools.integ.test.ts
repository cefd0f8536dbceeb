import { createHmac } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startCaptureServer, type CaptureServer } from '@sso-supervisor/core/testing';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { CLI_BIN, type CliRun, leakedSecrets, runCli } from './testing';

/** init, install, logs and notify test, as a user runs them. */
describe('tool commands', () => {
  let emulator: Emulator;
  let world: World;
  let hooks: CaptureServer;
  let dir: string;
  let home: SsoHome;
  let env: Record<string, string>;
  const runs: CliRun[] = [];
  const cli = async (args: string[], extra: Record<string, string> = {}) => {
    const r = await runCli(args, { ...env, ...extra });
    runs.push(r);
    return r;
  };

  beforeAll(async () => {
    hooks = await startCaptureServer();
    world = await createWorld({
      prefix: 'tools-',
      sessions: [
        { name: 'corp', profiles: ['dev', 'prod'] },
        { name: 'old', profiles: ['legacy'], legacy: true },
      ],
    });
    ({ emulator, dir, home } = world);
    env = {
      ...home.env,
      XDG_CONFIG_HOME: join(dir, 'xdg'),
      SSO_SUPERVISOR_STATE_DIR: join(dir, 'state'),
      NO_COLOR: '1',
    };
  });

  afterAll(async () => {
    expect(
      leakedSecrets(
        emulator.issuedSecrets(),
        runs.flatMap((r) => [r.stdout, r.stderr]),
      ),
    ).toEqual([]);
    await hooks.close();
    await world.close();
  });

  it('init writes a 0600 starter file the daemon accepts, and will not overwrite it without --force', async () => {
    const file = join(dir, 'xdg', 'sso-supervisor', 'supervisor.yaml');
    const r = await cli(['init']);
    expect(r).toMatchObject({ code: 0, stdout: `wrote ${file} with 2 session(s) from ${home.configFile}\n` });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('- name: corp');
    expect(text).toContain('- profile: legacy');
    expect((await cli(['validate'])).code).toBe(0);
    expect((await cli(['init'])).code).toBe(1);
    expect((await cli(['init', '--force'])).code).toBe(0);
  });

  it('install --dry-run shows a unit that runs this node and this CLI with the config, and writes nothing', async () => {
    const configFile = join(dir, 'xdg', 'sso-supervisor', 'supervisor.yaml');
    const r = await cli(['install', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`ExecStart=${process.execPath} ${CLI_BIN} run --config ${configFile}`);
    expect(r.stdout).toContain(`SSO_SUPERVISOR_STATE_DIR=${join(dir, 'state')}`);
    expect(r.stdout).toContain('would run: systemctl --user enable --now sso-supervisor.service');
    await expect(stat(join(home.home, '.config', 'systemd'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('install warns about ${...} variables the service will not inherit, and --environment-file carries them', async () => {
    const config = join(dir, 'vars.yaml');
    await writeFile(
      config,
      'version: 1\nnotifiers:\n  - { name: audit, type: webhook, url: "${HOOK_URL}", secret: "${HOOK_SECRET}" }\n',
      { mode: 0o600 },
    );
    const secretEnv = { HOOK_URL: `${hooks.url}/sso`, HOOK_SECRET: 'hook-secret-value-2' };
    const plain = await cli(['--config', config, 'install', '--dry-run'], secretEnv);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain(
      'warning: the service will not inherit ${HOOK_URL}, ${HOOK_SECRET} from this shell',
    );
    const envFile = join(dir, 'sso.env');
    const withFile = await cli(
      ['--config', config, 'install', '--dry-run', '--environment-file', envFile],
      secretEnv,
    );
    expect(withFile).toMatchObject({ code: 0, stderr: '' });
    expect(withFile.stdout).toContain(
      `would write ${envFile} (0600):\nHOOK_URL=<from this shell>\nHOOK_SECRET=<from this shell>`,
    );
    expect(withFile.stdout).toContain(`EnvironmentFile=${envFile}`);
    expect(`${plain.stdout}${withFile.stdout}`).not.toContain(secretEnv.HOOK_SECRET);
  });

  it('logs -n shows the last lines of what the daemon logged', async () => {
    expect((await cli(['run', '--duration', '1'])).code).toBe(0);
    const r = await cli(['logs', '--json', '-n', '1']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ level: 'info', event: 'supervisor.stopped' });
    const human = await cli(['logs', '-n', '1']);
    expect(human.stdout).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \S+ INFO {2}sso-supervisor stopped .*event=supervisor.stopped/,
    );
    expect((await cli(['logs', '-n', 'x'])).code).toBe(2);
  });

  it('notify test sends a test event to each notifier, one line as each answers, one attempt each', async () => {
    const hung = await startCaptureServer(() => 'hang');
    const config = join(dir, 'notify.yaml');
    await writeFile(
      config,
      [
        'version: 1',
        'notifiers:',
        '  - name: audit',
        '    type: webhook',
        '    url: ${HOOK_URL}',
        '    secret: ${HOOK_SECRET}',
        '  - name: dead',
        '    type: webhook',
        '    url: http://127.0.0.1:9/hook',
        '  - name: hung',
        '    type: webhook',
        `    url: ${hung.url}/hook`,
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const secretEnv = { HOOK_URL: `${hooks.url}/sso`, HOOK_SECRET: 'hook-secret-value-1' };
    const r = await cli(['--config', config, 'notify', 'test'], secretEnv);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('sending a test notification to audit, dead, hung');
    expect(lines).toContain('audit: delivered');
    expect(lines).toContainEqual(expect.stringMatching(/^dead: failed: no HTTP response \(ECONNREFUSED\)$/));
    // The hung notifier answers last, after its one attempt's timeout, not after three.
    expect(lines[3]).toBe('hung: failed: no answer within 10000 ms');
    expect(hung.requests).toHaveLength(1);
    await hung.close();
    const [request] = hooks.requests;
    const event = JSON.parse(request.body);
    expect(event).toMatchObject({ type: 'notify.test', severity: 'info' });
    expect(event.message).toMatch(/^Test from sso-supervisor notify test: /);
    const signature = createHmac('sha256', secretEnv.HOOK_SECRET).update(request.body).digest('hex');
    expect(request.headers['x-sso-supervisor-signature']).toBe(`sha256=${signature}`);
    const only = await cli(['--config', config, 'notify', 'test', '--notifier', 'audit'], secretEnv);
    expect(only).toMatchObject({
      code: 0,
      stdout: 'sending a test notification to audit\naudit: delivered\n',
    });
    expect(`${r.stdout}${r.stderr}${only.stdout}${only.stderr}`).not.toContain(secretEnv.HOOK_SECRET);
  }, 30_000);
});
