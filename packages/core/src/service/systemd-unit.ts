import { serviceCommand, type ServiceSpec } from './service-spec';

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
