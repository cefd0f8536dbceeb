import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemdUnit } from './systemd-unit';

const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0;

describe(systemdUnit.name, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'systemd unit '));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs node on the CLI with run --config, quoting what systemd would split or expand', () => {
    const unit = systemdUnit({
      nodePath: '/usr/bin/node',
      cliPath: '/opt/my tools/cli.js',
      configFile: '/home/u/100%/$HOME/"x"\\y.yaml',
      stateDir: '/home/u/state dir',
      environment: { AWS_CONFIG_FILE: '/home/u/aws 50%/config' },
    });
    const lines = unit.split('\n');
    expect(lines).toContain(
      'ExecStart=/usr/bin/node "/opt/my tools/cli.js" run --config "/home/u/100%%/$$HOME/\\"x\\"\\\\y.yaml"',
    );
    expect(lines).toContain('Environment="AWS_CONFIG_FILE=/home/u/aws 50%%/config"');
    expect(lines).toContain('Environment="SSO_SUPERVISOR_STATE_DIR=/home/u/state dir"');
    expect(lines).toEqual(
      expect.arrayContaining(['Restart=on-failure', 'RestartSec=10', 'WantedBy=default.target']),
    );
  });

  it('leaves out --config when there is no config file', () => {
    const unit = systemdUnit({ nodePath: '/usr/bin/node', cliPath: '/opt/cli.js', stateDir: '/s' });
    expect(unit).toContain('\nExecStart=/usr/bin/node /opt/cli.js run\n');
  });

  (hasSystemdAnalyze ? it : it.skip)('passes systemd-analyze --user verify without a warning', async () => {
    const cli = join(dir, 'bin dir', 'cli.js');
    await mkdir(join(dir, 'bin dir'));
    await writeFile(cli, '');
    const file = join(dir, 'sso-supervisor.service');
    const configFile = join(dir, 'conf 100%', '$weird "name"\\.yaml');
    await writeFile(
      file,
      systemdUnit({ nodePath: process.execPath, cliPath: cli, configFile, stateDir: join(dir, 'st') }),
    );
    const runtime = join(dir, 'runtime');
    await mkdir(runtime, { mode: 0o700 });
    const result = spawnSync('systemd-analyze', ['--user', 'verify', file], {
      encoding: 'utf8',
      env: { ...process.env, XDG_RUNTIME_DIR: runtime },
    });
    expect({ status: result.status, stderr: result.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  });
});
