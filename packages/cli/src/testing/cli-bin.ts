import { join } from 'node:path';

/** The `sso-supervisor` bin, run the way a user's shell or a service manager runs it. */
export const CLI_BIN = join(__dirname, '..', '..', 'bin', 'sso-supervisor.js');
