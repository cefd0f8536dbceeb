import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { uninstallService, type UninstallServiceOptions } from './uninstall-service';

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
