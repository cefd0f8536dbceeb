import { join } from 'node:path';
import { LAUNCHD_LABEL } from './service-paths';
import { serviceCommand, type ServiceSpec } from './service-spec';

/**
 * The launchd agent: started at login, restarted when it exits with a failure (a clean stop stays
 * stopped). Its stdout and stderr go to the state dir, beside the daemon's own log.
 */
export function launchdPlist(spec: ServiceSpec): string {
  const { argv, env } = serviceCommand(spec);
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
