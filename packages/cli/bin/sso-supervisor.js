#!/usr/bin/env node
'use strict';
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered before anything loads (the packed CLI's bin does the same).
  process.stdout.write(`${require('../package.json').version}\n`);
  return;
}
const path = require('node:path');
const entry = path.join(__dirname, '..', 'dist', 'main.js');
try {
  require.resolve(entry);
} catch {
  process.stderr.write(
    `sso-supervisor: ${entry} is missing; build it with \`pnpm install\` or \`pnpm build\` at the repository root\n`,
  );
  process.exit(2);
}
// The SDK warns on every load that its 2027 releases need Node 22; a one-shot command or a
// credential_process cannot act on that, and it would land in every user's terminal.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
require(entry)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
