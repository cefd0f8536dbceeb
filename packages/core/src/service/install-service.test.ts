import { mkdtemp, readFile, rm, stat, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import {
  installService,
  type InstallServiceOptions,
  uninstallService,
  type UninstallServiceOptions,
} from './install-service';
import { launchdPlist, systemdUnit } from './service-files';
import type { CommandOutcome } from './apply-steps';

describe('install-service', () => {
  let home: string;
  let calls: string[];
  let answers: Record<string, CommandOutcome>;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'install-service-'));
    calls = [];
    answers = {};
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  function options(overrides: Partial<InstallServiceOptions> = {}): InstallServiceOptions {
    return {
      platform: 'linux',
      home,
      nodePath: '/usr/bin/node',
      cliPath: '/opt/sso supervisor/cli.js',
      configFile: join(home, 'supervisor.yaml'),
      stateDir: join(home, '.local', 'state', 'sso-supervisor'),
      dryRun: false,
      uid: 501,
      run: async (command, args) => {
        const line = [command, ...args].join(' ');
        calls.push(line);
        return answers[line] ?? { code: 0, stdout: '', stderr: '' };
      },
      ...overrides,
    };
  }

  const unitFile = () => join(home, '.config', 'systemd', 'user', 'sso-supervisor.service');
  const plistFile = () => join(home, 'Library', 'LaunchAgents', 'dev.sso-supervisor.plist');

  describe(installService.name, () => {
    it('writes the env file 0600 (also over an existing one), wires it in, and a shell reads the values back', async () => {
      const envFile = join(home, 'secrets', 'sso.env');
      const envValues = {
        HOOK_SECRET: "se\"cr$et`\\x 'q'",
        SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x',
      };
      await mkdir(dirname(envFile), { recursive: true });
      await writeFile(envFile, 'old', { mode: 0o644 });
      const dry = await installService(options({ envFile, envValues, dryRun: true }));
      expect(dry.lines.join('\n')).not.toContain('se"cr');
      expect(dry.lines).toContain('HOOK_SECRET=<from this shell>');
      const result = await installService(options({ envFile, envValues }));
      expect(result.lines).toContain(`wrote ${envFile} (0600)`);
      expect((await stat(envFile)).mode & 0o777).toBe(0o600);
      expect(await readFile(unitFile(), 'utf8')).toContain(`EnvironmentFile=${envFile}`);
      expect(await readFile(unitFile(), 'utf8')).not.toContain('se"cr');
      // The same file through /bin/sh, as launchd's wrapper reads it.
      const { execFileSync } = await import('node:child_process');
      const out = execFileSync(
        '/bin/sh',
        ['-c', 'set -a && . "$0" && set +a && printf %s "$HOOK_SECRET"', envFile],
        {
          env: {},
        },
      ).toString();
      expect(out).toBe(envValues.HOOK_SECRET);
    });

    it('runs the daemon through a shell that reads the env file under launchd, with no secret in the plist', async () => {
      const envFile = join(home, 'sso.env');
      const plist = launchdPlist(options({ platform: 'darwin', envFile }));
      expect(plist).toContain('<string>/bin/sh</string>');
      expect(plist).toContain(`<string>${envFile}</string>`);
      expect(plist).toContain('<string>run</string>');
    });

    it('writes the systemd unit, reloads and enables it, and creates the state dir 0700', async () => {
      const result = await installService(options());
      expect(await readFile(unitFile(), 'utf8')).toBe(systemdUnit(options()));
      expect((await stat(options().stateDir)).mode & 0o777).toBe(0o700);
      expect(calls).toEqual([
        'systemctl --user daemon-reload',
        'systemctl --user enable --now sso-supervisor.service',
      ]);
      expect(result).toEqual({
        ok: true,
        lines: [
          `wrote ${unitFile()}`,
          'ran: systemctl --user daemon-reload',
          'ran: systemctl --user enable --now sso-supervisor.service',
        ],
      });
    });

    it('restarts the service when it replaces an installed unit', async () => {
      await installService(options());
      calls = [];
      await installService(options({ configFile: undefined }));
      expect(calls).toEqual([
        'systemctl --user daemon-reload',
        'systemctl --user enable --now sso-supervisor.service',
        'systemctl --user restart sso-supervisor.service',
      ]);
      expect(await readFile(unitFile(), 'utf8')).not.toContain('--config');
    });

    it('on a dry run prints the unit and the commands, and writes and runs nothing', async () => {
      const result = await installService(options({ dryRun: true }));
      expect(calls).toEqual([]);
      await expect(stat(unitFile())).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(stat(options().stateDir)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(result.ok).toBe(true);
      expect(result.lines.join('\n')).toBe(
        [
          `would write ${unitFile()}:`,
          systemdUnit(options()).trimEnd(),
          'would run: systemctl --user daemon-reload',
          'would run: systemctl --user enable --now sso-supervisor.service',
        ].join('\n'),
      );
    });

    it('writes the launchd agent and bootstraps it, unloading an earlier one first', async () => {
      answers['launchctl bootout gui/501/dev.sso-supervisor'] = {
        code: 3,
        stdout: '',
        stderr: 'Boot-out failed: 3: No such process\n',
      };
      const result = await installService(options({ platform: 'darwin' }));
      expect(await readFile(plistFile(), 'utf8')).toBe(launchdPlist(options()));
      expect(calls).toEqual([
        'launchctl bootout gui/501/dev.sso-supervisor',
        `launchctl bootstrap gui/501 ${plistFile()}`,
      ]);
      expect(result.ok).toBe(true);
      expect(result.lines[1]).toBe(
        'ran (failure ignored): launchctl bootout gui/501/dev.sso-supervisor (exit 3: Boot-out failed: 3: No such process)',
      );
    });

    it('stops at a failing command and says which', async () => {
      answers['systemctl --user daemon-reload'] = {
        code: 1,
        stdout: '',
        stderr: 'Failed to connect to bus: No medium found\n',
      };
      const result = await installService(options());
      expect(calls).toEqual(['systemctl --user daemon-reload']);
      expect(result).toEqual({
        ok: false,
        lines: [
          `wrote ${unitFile()}`,
          'failed: systemctl --user daemon-reload (exit 1: Failed to connect to bus: No medium found)',
        ],
      });
    });

    it('refuses relative paths and unsupported platforms without touching anything', async () => {
      expect(await installService(options({ cliPath: 'cli.js' }))).toEqual({
        ok: false,
        lines: ['the CLI script path must be absolute: cli.js'],
      });
      expect((await installService(options({ platform: 'win32' }))).ok).toBe(false);
      expect(calls).toEqual([]);
      await expect(stat(unitFile())).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });
});

describe('uninstall-service', () => {
  let home: string;
  let calls: string[];
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'uninstall-service-'));
    calls = [];
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  function options(overrides: Partial<UninstallServiceOptions> = {}): UninstallServiceOptions {
    return {
      platform: 'linux',
      home,
      dryRun: false,
      uid: 501,
      run: async (command, args) => {
        calls.push([command, ...args].join(' '));
        return command === 'systemctl' && args.includes('disable')
          ? { code: 1, stdout: '', stderr: 'Unit sso-supervisor.service not loaded.' }
          : { code: 0, stdout: '', stderr: '' };
      },
      ...overrides,
    };
  }

  async function place(file: string): Promise<string> {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, 'installed');
    return file;
  }

  describe(uninstallService.name, () => {
    it('disables the systemd unit (a failure there is no obstacle), removes it and reloads', async () => {
      const file = await place(join(home, '.config', 'systemd', 'user', 'sso-supervisor.service'));
      const result = await uninstallService(options());
      expect(calls).toEqual([
        'systemctl --user disable --now sso-supervisor.service',
        'systemctl --user daemon-reload',
      ]);
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(result).toEqual({
        ok: true,
        lines: [
          'ran (failure ignored): systemctl --user disable --now sso-supervisor.service (exit 1: Unit sso-supervisor.service not loaded.)',
          `removed ${file}`,
          'ran: systemctl --user daemon-reload',
        ],
      });
    });

    it('boots the launchd agent out and removes its plist', async () => {
      const file = await place(join(home, 'Library', 'LaunchAgents', 'dev.sso-supervisor.plist'));
      const result = await uninstallService(options({ platform: 'darwin' }));
      expect(calls).toEqual(['launchctl bootout gui/501/dev.sso-supervisor']);
      expect(result.lines).toEqual(['ran: launchctl bootout gui/501/dev.sso-supervisor', `removed ${file}`]);
    });

    it('on a dry run says what it would do and leaves the file', async () => {
      const file = await place(join(home, '.config', 'systemd', 'user', 'sso-supervisor.service'));
      const result = await uninstallService(options({ dryRun: true }));
      expect(calls).toEqual([]);
      expect(result.lines).toEqual([
        'would run: systemctl --user disable --now sso-supervisor.service',
        `would remove ${file}`,
        'would run: systemctl --user daemon-reload',
      ]);
      expect((await stat(file)).isFile()).toBe(true);
    });

    it('says so, and succeeds, when nothing is installed', async () => {
      const result = await uninstallService(options());
      expect(result.ok).toBe(true);
      expect(result.lines[0]).toMatch(/^not installed: .*sso-supervisor\.service does not exist$/);
      expect(calls).toEqual([]);
    });
  });
});
