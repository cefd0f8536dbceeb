import { PassThrough } from 'node:stream';
import { defaultConfig } from '../config/supervisor-config';
import { daemonLogSettings, type DaemonSetup } from './daemon-options';

const stateDir = '/var/lib/sso-state';

function setupWith(file: string): DaemonSetup {
  const config = defaultConfig();
  config.log = { ...config.log, level: 'debug', file, maxSize: 1024, maxFiles: 2 };
  return { config, paths: { stateDir } } as unknown as DaemonSetup;
}

describe(daemonLogSettings.name, () => {
  it('puts a relative log.file in the state folder and keeps an absolute one', () => {
    expect(daemonLogSettings({ setup: setupWith('supervisor.log'), plugins: [] }).file).toBe(
      '/var/lib/sso-state/supervisor.log',
    );
    expect(daemonLogSettings({ setup: setupWith('logs/d.log'), plugins: [] }).file).toBe(
      '/var/lib/sso-state/logs/d.log',
    );
    expect(daemonLogSettings({ setup: setupWith('/tmp/elsewhere.log'), plugins: [] }).file).toBe(
      '/tmp/elsewhere.log',
    );
  });

  it('takes level, rotation, console and env from the first load, stderr and process.env by default', () => {
    const console = new PassThrough();
    const env = { NO_COLOR: '1' };
    expect(daemonLogSettings({ setup: setupWith('s.log'), plugins: [], console, env })).toEqual({
      level: 'debug',
      file: '/var/lib/sso-state/s.log',
      maxSize: 1024,
      maxFiles: 2,
      console,
      env,
    });
    const plain = daemonLogSettings({ setup: setupWith('s.log'), plugins: [] });
    expect(plain.console).toBe(process.stderr);
    expect(plain.env).toBe(process.env);
  });
});
