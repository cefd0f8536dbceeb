import { findConfigFile } from './find-config-file';

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
