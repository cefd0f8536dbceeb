import { runCommand } from './run-command';

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
