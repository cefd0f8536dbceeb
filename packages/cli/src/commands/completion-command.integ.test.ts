import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../testing';

const has = (shell: string) => ['/usr/bin', '/bin'].some((dir) => existsSync(join(dir, shell)));

/** `completion bash|zsh|fish` from the built bin, loaded by the real shells and asked to complete. */
describe('completion', () => {
  let dir: string;
  const script = async (shell: string) => {
    const r = await runCli(['completion', shell], {});
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const file = join(dir, `completion.${shell}`);
    await writeFile(file, r.stdout);
    return file;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-completion-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('bash: sourced, it registers itself and completes commands, nested commands, options and choices', async () => {
    const file = await script('bash');
    // The same call bash makes on Tab: COMP_WORDS and COMP_CWORD set, then the registered function.
    const complete = (line: string[]) =>
      execFileSync(
        'bash',
        [
          '-c',
          'source "$0"; complete -p sso-supervisor; COMP_WORDS=("${@}"); COMP_CWORD=$(($# - 1)); _sso_supervisor; echo "${COMPREPLY[*]}"',
          file,
          ...line,
        ],
        { encoding: 'utf8' },
      ).split('\n');
    const [registered, reply] = complete(['sso-supervisor', 'cre']);
    expect(registered).toBe('complete -o default -F _sso_supervisor sso-supervisor');
    expect(reply).toBe('credentials');
    expect(complete(['sso-supervisor', ''])[1].split(' ')).toEqual(
      expect.arrayContaining(['status', 'run', 'install', 'completion', '--config', '--version']),
    );
    expect(complete(['sso-supervisor', 'credentials', '--format', ''])[1]).toBe('process env dotenv json');
    expect(complete(['sso-supervisor', '-c', 'x.yaml', 'status', 'dev', '--j'])[1]).toBe('--json');
    expect(complete(['sso-supervisor', 'profiles', 'sync', '--d'])[1]).toBe('--dry-run');
    expect(complete(['sso-supervisor', 'completion', ''])[1]).toBe('bash zsh fish -h --help');
  });

  (has('fish') ? it : it.skip)('fish: sourced, `complete -C` offers the same', async () => {
    const file = await script('fish');
    const ask = (line: string) =>
      execFileSync('fish', ['-c', `source ${file}; complete -C '${line}'`], { encoding: 'utf8' })
        .split('\n')
        .map((l) => l.split('\t')[0])
        .filter(Boolean);
    expect(ask('sso-supervisor cre')).toEqual(['credentials']);
    expect(ask('sso-supervisor profiles ')).toEqual(['sync']);
    expect(ask('sso-supervisor credentials --format ')).toEqual(['dotenv', 'env', 'json', 'process']);
  });

  (has('zsh') ? it : it.skip)('zsh: parses, and registers _sso_supervisor with compinit', async () => {
    const file = await script('zsh');
    execFileSync('zsh', ['-n', file]);
    const out = execFileSync(
      'zsh',
      [
        '-c',
        `autoload -U compinit; compinit -u -d ${dir}/zcompdump; source ${file}; print -- $_comps[sso-supervisor]`,
      ],
      { encoding: 'utf8' },
    );
    expect(out.trim()).toBe('_sso_supervisor');
  });

  it('an unknown shell is a usage error naming the choices', async () => {
    const r = await runCli(['completion', 'tcsh'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bash, zsh, fish');
  });

  it('--version prints the package version, alone and after other options', async () => {
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(await runCli(['--version'], {})).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await runCli(['--utc', '-V'], {})).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
