import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemdUnit, launchdPlist } from './service-files';

describe('systemd-unit', () => {
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
});

describe('launchd-plist', () => {
  const has = (command: string, args: string[]) => !spawnSync(command, args).error;
  const hasPlutil = has('plutil', ['-help']);
  const hasPython = has('python3', ['--version']);

  const spec = {
    nodePath: '/usr/local/bin/node',
    cliPath: '/Users/u/tools & <things>/it\'s "cli".js',
    configFile: '/Users/u/Library/Application Support/sso-supervisor/supervisor.yaml',
    stateDir: '/Users/u/Library/Application Support/sso-supervisor',
    environment: { AWS_CONFIG_FILE: '/Users/u/.aws/config' },
  };

  describe(launchdPlist.name, () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'launchd-plist-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('escapes XML special characters in every value', () => {
      const plist = launchdPlist(spec);
      expect(plist).toContain(
        '<string>/Users/u/tools &amp; &lt;things&gt;/it&apos;s &quot;cli&quot;.js</string>',
      );
      expect(plist).not.toContain('& <');
    });

    (hasPython ? it : it.skip)('parses back (plistlib) to the agent launchd needs', async () => {
      const file = join(dir, 'dev.sso-supervisor.plist');
      await writeFile(file, launchdPlist(spec));
      const script = 'import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], "rb"))))';
      const parsed = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
      expect(parsed.stderr).toBe('');
      expect(JSON.parse(parsed.stdout)).toEqual({
        Label: 'dev.sso-supervisor',
        ProgramArguments: [spec.nodePath, spec.cliPath, 'run', '--config', spec.configFile],
        EnvironmentVariables: {
          AWS_CONFIG_FILE: '/Users/u/.aws/config',
          SSO_SUPERVISOR_STATE_DIR: spec.stateDir,
        },
        RunAtLoad: true,
        KeepAlive: { SuccessfulExit: false },
        ProcessType: 'Background',
        StandardOutPath: `${spec.stateDir}/launchd.stdout.log`,
        StandardErrorPath: `${spec.stateDir}/launchd.stderr.log`,
      });
    });

    (hasPlutil ? it : it.skip)('passes plutil -lint', async () => {
      const file = join(dir, 'dev.sso-supervisor.plist');
      await writeFile(file, launchdPlist(spec));
      expect(spawnSync('plutil', ['-lint', file]).status).toBe(0);
    });
  });
});
