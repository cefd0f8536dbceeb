import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installService, type InstallServiceOptions } from './install-service';
import { launchdPlist } from './launchd-plist';
import type { CommandOutcome } from './run-command';
import { systemdUnit } from './systemd-unit';

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
