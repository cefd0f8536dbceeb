import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The built package as consumers load it, by name through its `exports` map, in plain Node processes
// (jest has no real import()). Needs `pnpm build` first, which `turbo run test` does.
const PACKAGE_DIR = join(__dirname, '..');

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: PACKAGE_DIR, encoding: 'utf8' }).trim();
}

describe('@sso-supervisor/notifier-api as a package', () => {
  it('loads with require() and with import(), main entry and /testing', () => {
    const required = node([
      '-e',
      `const api = require('@sso-supervisor/notifier-api');
       const testing = require('@sso-supervisor/notifier-api/testing');
       console.log(require.resolve('@sso-supervisor/notifier-api'), typeof api.summarizeEvent, typeof testing.notifierContract);`,
    ]);
    expect(required).toBe(`${join(PACKAGE_DIR, 'dist/cjs/index.js')} function function`);
    const imported = node([
      '--input-type=module',
      '-e',
      `import { summarizeEvent, EVENT_TYPES } from '@sso-supervisor/notifier-api';
       import { notifierContract } from '@sso-supervisor/notifier-api/testing';
       console.log(import.meta.resolve('@sso-supervisor/notifier-api'), typeof summarizeEvent, EVENT_TYPES.length, typeof notifierContract);`,
    ]);
    expect(imported).toBe(`file://${join(PACKAGE_DIR, 'dist/esm/index.js')} function 12 function`);
  });

  it('recognises a NotifierError across the ESM and CommonJS builds, two copies of the class', () => {
    const out = node([
      '--input-type=module',
      '-e',
      `import { createRequire } from 'node:module';
       import * as esm from '@sso-supervisor/notifier-api';
       const cjs = createRequire(import.meta.url)('@sso-supervisor/notifier-api');
       const error = new esm.NotifierError('HTTP 429', { retryable: true, retryAfterMs: 1500 });
       console.log(esm.NotifierError === cjs.NotifierError, cjs.isNotifierError(error), error instanceof cjs.NotifierError,
         cjs.retryableOf(error), cjs.retryAfterMsOf(error));`,
    ]);
    expect(out).toBe('false true true true 1500');
  });
});
