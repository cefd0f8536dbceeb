import { envFileWrapper, serviceCommand, type ServiceSpec, LAUNCHD_LABEL } from './service-spec';
import { join } from 'node:path';

/** `sso-supervisor.service`, a systemd --user unit that runs the daemon and restarts it when it fails. */
export function systemdUnit(spec: ServiceSpec): string {
  const { argv, env } = serviceCommand(spec);
  return [
    '# Written by `sso-supervisor install`; `sso-supervisor uninstall` removes it.',
    '[Unit]',
    'Description=sso-supervisor: keeps AWS IAM Identity Center sessions alive',
    '',
    '[Service]',
    'Type=simple',
    `ExecStart=${argv.map((arg) => word(arg).replace(/\$/g, '$$$$')).join(' ')}`,
    ...Object.entries(env).map(([key, value]) => `Environment=${quote(`${key}=${value}`)}`),
    ...(spec.envFile ? [`EnvironmentFile=${word(spec.envFile)}`] : []),
    'Restart=on-failure',
    'RestartSec=10',
    // Exit code 2 is a usage or config error; restarting cannot mend it, a person must.
    'RestartPreventExitStatus=2',
    '',
    '[Install]',
    'WantedBy=default.target',
    '',
  ].join('\n');
}

/** Bare when safe, else double-quoted; `%` is doubled everywhere because systemd expands specifiers. */
function word(value: string): string {
  return /^[^\s"'\\;]+$/.test(value) ? value.replace(/%/g, '%%') : quote(value);
}

function quote(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/%/g, '%%');
  return `"${escaped}"`;
}

/**
 * The launchd agent: started at login, restarted when it exits with a failure (a clean stop stays
 * stopped). Its stdout and stderr go to the state dir, beside the daemon's own log.
 */
export function launchdPlist(spec: ServiceSpec): string {
  const { argv: daemon, env } = serviceCommand(spec);
  const argv = spec.envFile ? envFileWrapper(spec.envFile, daemon) : daemon;
  const string = (value: string) => `<string>${xml(value)}</string>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    '  <key>Label</key>',
    `  ${string(LAUNCHD_LABEL)}`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...argv.map((arg) => `    ${string(arg)}`),
    '  </array>',
    '  <key>EnvironmentVariables</key>',
    '  <dict>',
    ...Object.entries(env).flatMap(([key, value]) => [`    <key>${xml(key)}</key>`, `    ${string(value)}`]),
    '  </dict>',
    '  <key>RunAtLoad</key>',
    '  <true/>',
    '  <key>KeepAlive</key>',
    '  <dict>',
    '    <key>SuccessfulExit</key>',
    '    <false/>',
    '  </dict>',
    '  <key>ProcessType</key>',
    '  <string>Background</string>',
    '  <key>StandardOutPath</key>',
    `  ${string(join(spec.stateDir, 'launchd.stdout.log'))}`,
    '  <key>StandardErrorPath</key>',
    `  ${string(join(spec.stateDir, 'launchd.stderr.log'))}`,
    '</dict>',
    '</plist>',
    '',
  ].join('\n');
}

function xml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
