#!/usr/bin/env node
'use strict';
const path = require('node:path');
const entry = path.join(__dirname, '..', 'dist', 'main.js');
try {
  require.resolve(entry);
} catch {
  process.stderr.write(`sso-supervisor: ${entry} is missing; build it with \`pnpm install\` or \`pnpm build\` at the repository root\n`);
  process.exit(2);
}
require(entry).main(process.argv).then((code) => { process.exitCode = code; });
