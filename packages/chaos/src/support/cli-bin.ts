import { dirname, join } from 'node:path';

/** The installed `sso-supervisor` bin, run the way a user's shell or a service manager runs it. */
export const CLI_BIN = join(
  dirname(require.resolve('@sso-supervisor/cli/package.json')),
  'bin',
  'sso-supervisor.js',
);
