// pm2 ecosystem file: ONE pm2 app that keeps every sso-session alive, in place of one pm2 app (or
// shell-script loop) per AWS profile. Start it with `pm2 start ecosystem.config.cjs`; see README.md.
const os = require('node:os');

module.exports = {
  apps: [
    {
      name: 'sso-supervisor',
      // The CLI's own script run by node, not a shell wrapper, so pm2's signals reach the daemon. Resolved
      // from this folder; outside this repository, put the absolute path of your install here.
      script: require.resolve('@sso-supervisor/cli/bin/sso-supervisor.js'),
      // The config is found as on the command line: $SSO_SUPERVISOR_CONFIG, then
      // ~/.config/sso-supervisor/supervisor.yaml (never the cwd). Add '--config', '/abs/path' to pin one.
      args: ['run'],
      cwd: os.homedir(),
      // Exactly one: a second daemon on the same state directory is refused by its lock file, and pm2's
      // cluster mode would only start copies that fight over it.
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      // 0 is a clean stop (SIGINT/SIGTERM); 2 is a usage or config error that a restart cannot mend, so
      // pm2 should not loop on it (like RestartPreventExitStatus=2 in the systemd unit). Needs pm2 5.1+.
      stop_exit_codes: [0, 2],
      restart_delay: 10_000,
      // On SIGINT the daemon finishes or aborts in-flight refreshes and writes nothing half; give it
      // time before pm2's SIGKILL (its default is 1.6 seconds).
      kill_timeout: 10_000,
      // The daemon watches its own config file and reloads in place; pm2's watch would restart it.
      watch: false,
      // pm2's logs hold what the daemon prints; its own rotated JSON log is `sso-supervisor logs`.
      time: true,
    },
  ],
};
