import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { defaultConfig } from './default-config';
import { loadConfigFile } from './load-config-file';

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
