import os from 'node:os';
import path from 'node:path';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { findConfigFile, loadConfigFile } from './load-config-file';
import { defaultConfig } from './supervisor-config';

const HOME = '/home/u';
const CWD = '/work/project';

function find(files: string[], env: Record<string, string> = {}, flag?: string): string | null {
  return findConfigFile({ flag, env, cwd: CWD, home: HOME, exists: (file) => files.includes(file) });
}

describe(findConfigFile.name, () => {
  const everywhere = [
    '/work/project/supervisor.yaml',
    '/xdg/sso-supervisor/supervisor.yaml',
    '/home/u/.config/sso-supervisor/supervisor.yaml',
  ];

  it.each<[string, string[], Record<string, string>, string | undefined, string | null]>([
    [
      'the --config flag first',
      everywhere,
      { SSO_SUPERVISOR_CONFIG: '/env.yaml' },
      '/flag.yaml',
      '/flag.yaml',
    ],
    ['a relative flag from the cwd', [], {}, 'conf/s.yaml', '/work/project/conf/s.yaml'],
    ['a flag with ~', [], {}, '~/s.yaml', '/home/u/s.yaml'],
    [
      '$SSO_SUPERVISOR_CONFIG next',
      everywhere,
      { SSO_SUPERVISOR_CONFIG: '/env.yaml' },
      undefined,
      '/env.yaml',
    ],
    [
      '$XDG_CONFIG_HOME next, never ./supervisor.yaml',
      everywhere,
      { XDG_CONFIG_HOME: '/xdg' },
      undefined,
      '/xdg/sso-supervisor/supervisor.yaml',
    ],
    [
      'not ~/.config when $XDG_CONFIG_HOME is set',
      everywhere.slice(2),
      { XDG_CONFIG_HOME: '/xdg' },
      undefined,
      null,
    ],
    [
      '~/.config without $XDG_CONFIG_HOME',
      everywhere.slice(1),
      {},
      undefined,
      '/home/u/.config/sso-supervisor/supervisor.yaml',
    ],
    [
      '~/.config when $XDG_CONFIG_HOME is relative',
      everywhere.slice(2),
      { XDG_CONFIG_HOME: 'rel' },
      undefined,
      '/home/u/.config/sso-supervisor/supervisor.yaml',
    ],
    [
      'an empty $SSO_SUPERVISOR_CONFIG as unset',
      everywhere,
      { SSO_SUPERVISOR_CONFIG: '' },
      undefined,
      '/home/u/.config/sso-supervisor/supervisor.yaml',
    ],
    ['null when there is no file', [], {}, undefined, null],
    ['null when only the working folder has one', everywhere.slice(0, 1), {}, undefined, null],
  ])('takes %s', (_case, files, env, flag, expected) => {
    expect(find(files, env, flag)).toBe(expected);
  });

  it('returns a named file that does not exist, so the caller reports it', () => {
    expect(find(everywhere, { SSO_SUPERVISOR_CONFIG: '/missing.yaml' })).toBe('/missing.yaml');
  });
});

describe(loadConfigFile.name, () => {
  let dir: string;
  let home: string;
  let cwd: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'load-config-'));
    home = path.join(dir, 'home');
    cwd = path.join(dir, 'cwd');
    await mkdir(cwd, { recursive: true });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs on the built-in defaults when there is no file anywhere', async () => {
    expect(await loadConfigFile({ env: {}, cwd, home })).toEqual({
      config: defaultConfig(),
      warnings: [],
      errors: [],
    });
  });

  it('parses the file it finds, with its absolute path in the config and the issues', async () => {
    const file = path.join(home, '.config', 'sso-supervisor', 'supervisor.yaml');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      'version: 1\ndefaults: { threshold: 5m }\nnotifiers: [{ name: a, type: macos, loud: 1 }]\n',
    );
    const schemas = { macos: z.object({}).strict() };
    const result = await loadConfigFile({ env: {}, cwd, home, notifierSchemas: schemas });
    expect(result.errors).toEqual([
      { file, line: 3, col: 37, path: 'notifiers[0].loud', message: expect.stringContaining('unknown key') },
    ]);
    expect(result.warnings).toEqual([
      { file, line: 2, col: 24, path: 'defaults.threshold', message: expect.any(String) },
    ]);
  });

  it('reads $XDG_CONFIG_HOME and interpolates from the env it is given', async () => {
    const file = path.join(dir, 'xdg', 'sso-supervisor', 'supervisor.yaml');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'version: 1\nstateDir: ${STATE}\n');
    const result = await loadConfigFile({
      env: { XDG_CONFIG_HOME: path.join(dir, 'xdg'), STATE: '/srv/s' },
      cwd,
      home,
    });
    expect(result.errors).toEqual([]);
    expect(result.config).toMatchObject({ file, stateDir: '/srv/s' });
  });

  it.each<[string, { flag?: string; env?: Record<string, string> }, string]>([
    [
      'a --config file that does not exist',
      { flag: 'nope.yaml' },
      'config file not found (given by --config)',
    ],
    [
      'an $SSO_SUPERVISOR_CONFIG file that does not exist',
      { env: { SSO_SUPERVISOR_CONFIG: 'nope.yaml' } },
      'config file not found (given by $SSO_SUPERVISOR_CONFIG)',
    ],
    ['a directory', { flag: '.' }, 'cannot read the config file: it is a directory (given by --config)'],
  ])('reports %s as an error naming the file', async (_case, given, message) => {
    const result = await loadConfigFile({ env: given.env ?? {}, cwd, home, flag: given.flag });
    const named = path.resolve(cwd, given.flag ?? given.env?.SSO_SUPERVISOR_CONFIG ?? '');
    expect(result).toEqual({ config: null, warnings: [], errors: [{ file: named, path: '', message }] });
  });

  it('says a supervisor.yaml in the working folder is not read, except to the session-only commands', async () => {
    const local = path.join(cwd, 'supervisor.yaml');
    await writeFile(local, 'version: 7\n');
    const full = await loadConfigFile({ env: {}, cwd, home });
    expect(full.config).toEqual(defaultConfig());
    expect(full.warnings).toEqual([
      {
        file: local,
        path: '',
        message: expect.stringMatching(/^not read: .* reading no file \(the defaults\)\. Pass --config /),
      },
    ]);
    expect(await loadConfigFile({ env: {}, cwd, home, sessionsOnly: true })).toEqual({
      config: defaultConfig(),
      warnings: [],
      errors: [],
    });
  });
});

describe('loadConfigFile with sessionsOnly', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'load-config-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  // The examples' Slack set-up, with SLACK_WEBHOOK_URL exported only in the daemon's shell.
  const text = [
    'version: 1',
    'defaults:',
    '  threshold: 30m',
    'notifiers:',
    '  - name: team',
    '    type: slack',
    '    webhookUrl: ${SLACK_WEBHOOK_URL}',
    'exports:',
    '  - { profile: dev, path: ~/.env, format: yaml }',
    'reauth: { mode: sometimes }',
    'log:',
    '  level: ${LOG_LEVEL}',
    '',
  ].join('\n');
  const schemas = { slack: z.object({ webhookUrl: z.string().url() }).strict() };

  async function load(body: string, sessionsOnly: boolean) {
    const flag = path.join(dir, 'supervisor.yaml');
    await writeFile(flag, body);
    return loadConfigFile({ env: {}, cwd: dir, home: dir, flag, notifierSchemas: schemas, sessionsOnly });
  }

  it('fails run and validate on an unset variable or a bad option outside the session parts', async () => {
    const full = await load(text, false);
    expect(full.config).toBeNull();
    expect(full.errors.map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`)).toEqual([
      '7:17 notifiers[0].webhookUrl: environment variable SLACK_WEBHOOK_URL is not set',
      expect.stringMatching(/^9:43 exports\[0\]\.format: /),
      expect.stringMatching(/^10:17 reauth\.mode: /),
      '12:10 log.level: environment variable LOG_LEVEL is not set',
    ]);
  });

  it('reads the session parts alone for credentials, token and login: those errors cannot fail them', async () => {
    const result = await load(text, true);
    expect(result.errors).toEqual([]);
    expect(result.config).toMatchObject({ defaults: { threshold: 30 * 60_000 }, notifiers: [], exports: [] });
  });

  it('still fails them on a broken session part, with FILE:LINE:COL', async () => {
    const result = await load(text.replace('threshold: 30m', 'threshold: ${THRESHOLD}'), true);
    expect(result.config).toBeNull();
    expect(result.errors).toEqual([
      {
        file: path.join(dir, 'supervisor.yaml'),
        line: 3,
        col: 14,
        path: 'defaults.threshold',
        message: 'environment variable THRESHOLD is not set',
      },
    ]);
  });
});
