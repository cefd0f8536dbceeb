import { runCommand, applySteps } from './apply-steps';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe(runCommand.name, () => {
  it('reports the exit code and output of a program', async () => {
    const script = 'process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3';
    expect(await runCommand(process.execPath, ['-e', script])).toEqual({
      code: 3,
      stdout: 'out',
      stderr: 'err',
    });
    expect(await runCommand(process.execPath, ['-e', 'console.log(process.argv[1])', 'a b'])).toEqual({
      code: 0,
      stdout: 'a b\n',
      stderr: '',
    });
  });

  it('reports a program that does not exist as code 127 instead of throwing', async () => {
    expect(await runCommand('sso-supervisor-no-such-program', [])).toMatchObject({
      code: 127,
      stderr: /ENOENT/,
    });
  });
});

describe(applySteps.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'apply-steps-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const ok = async () => ({ code: 0, stdout: '', stderr: '' });

  it('shows commands quoted for a shell', async () => {
    const result = await applySteps(
      [{ run: ['launchctl', 'bootstrap', 'gui/501', "/Users/o'neil/My Agents/x.plist"] }],
      {
        dryRun: true,
        run: ok,
      },
    );
    expect(result.lines).toEqual([
      `would run: launchctl bootstrap gui/501 '/Users/o'\\''neil/My Agents/x.plist'`,
    ]);
  });

  it('stops at a file step that fails and does not run what follows', async () => {
    const ran: string[] = [];
    const result = await applySteps([{ remove: join(dir, 'absent') }, { run: ['true'] }], {
      dryRun: false,
      run: async (c) => (ran.push(c), ok()),
    });
    expect(result).toEqual({ ok: false, lines: [`failed: cannot change ${join(dir, 'absent')} (ENOENT)`] });
    expect(ran).toEqual([]);
  });

  it('creates the parent folders of a file it writes', async () => {
    const file = join(dir, 'a', 'b', 'unit');
    await applySteps([{ write: file, content: 'x\n' }], { dryRun: false, run: ok });
    expect(await readFile(file, 'utf8')).toBe('x\n');
  });
});
