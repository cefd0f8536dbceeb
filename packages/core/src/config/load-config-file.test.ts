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
      './supervisor.yaml next',
      everywhere,
      { XDG_CONFIG_HOME: '/xdg' },
      undefined,
      '/work/project/supervisor.yaml',
    ],
    [
      '$XDG_CONFIG_HOME next',
      everywhere.slice(1),
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
      '/work/project/supervisor.yaml',
    ],
    ['null when there is no file', [], {}, undefined, null],
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
    const file = path.join(cwd, 'supervisor.yaml');
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
});
