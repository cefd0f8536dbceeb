import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { launchdPlist, systemdUnit } from '@sso-supervisor/core/daemon';

const SERVICES = resolve(__dirname, '../../services');
const read = (name: string) => readFileSync(resolve(SERVICES, name), 'utf8');

// The paths the reference files were written for; README.md says to read yours from `install --dry-run`.
const LINUX = {
  nodePath: '/usr/bin/node',
  cliPath: '/usr/local/lib/node_modules/@sso-supervisor/cli/bin/sso-supervisor.js',
  configFile: '/home/u/.config/sso-supervisor/supervisor.yaml',
  stateDir: '/home/u/.local/state/sso-supervisor',
};
const MACOS = {
  nodePath: '/opt/homebrew/bin/node',
  cliPath: '/opt/homebrew/lib/node_modules/@sso-supervisor/cli/bin/sso-supervisor.js',
  configFile: '/Users/u/.config/sso-supervisor/supervisor.yaml',
  stateDir: '/Users/u/Library/Application Support/sso-supervisor',
};

interface Pm2App {
  name: string;
  script: string;
  args: string[];
  instances: number;
  exec_mode: string;
  stop_exit_codes: number[];
  kill_timeout: number;
  watch: boolean;
}

describe('examples/services', () => {
  it('shows the systemd unit exactly as `sso-supervisor install` writes it', () => {
    expect(read('sso-supervisor.service')).toBe(systemdUnit(LINUX));
  });

  it('shows the launchd agent exactly as `sso-supervisor install` writes it', () => {
    expect(read('dev.sso-supervisor.plist')).toBe(launchdPlist(MACOS));
  });

  it('runs one pm2 app for every session: the CLI script with `run`, never clustered', () => {
    const { apps } = createRequire(__filename)(resolve(SERVICES, 'ecosystem.config.cjs')) as {
      apps: Pm2App[];
    };
    expect(apps).toHaveLength(1);
    const [app] = apps;
    expect(app).toMatchObject({ name: 'sso-supervisor', args: ['run'], instances: 1, exec_mode: 'fork' });
    expect(app.script).toMatch(/[\\/]packages[\\/]cli[\\/]bin[\\/]sso-supervisor\.js$/);
    expect(existsSync(app.script)).toBe(true);
    // A config error (exit 2) is not restarted in a loop, and a stop gets time to finish in-flight work.
    expect(app.stop_exit_codes).toEqual([0, 2]);
    expect(app.kill_timeout).toBeGreaterThanOrEqual(5_000);
    expect(app.watch).toBe(false);
  });
});
