import { dirname, join } from 'node:path';

/** The built `sso-supervisor` bin, the file users run (it loads the CLI's dist/main.js). */
export const CLI_BIN = join(
  dirname(require.resolve('@sso-supervisor/cli/package.json')),
  'bin',
  'sso-supervisor.js',
);
