#!/usr/bin/env node
// Runs the emulator standalone. stdout is shell-evaluable: comment lines plus `export` lines.
const { parseArgs } = require('node:util');
const { startEmulator, writeAwsCliDataPath } = require('../dist/index.js');

const USAGE = 'usage: sso-emulator [--port N] [--token-ttl SECONDS] [--aws-data-path DIR]';

function parseNumber(name, text) {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`--${name} must be a non-negative number, got ${text}`);
  return value;
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'token-ttl': { type: 'string' },
      'aws-data-path': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const emulator = await startEmulator({
    port: parseNumber('port', values.port),
    accessTokenTtlSeconds: parseNumber('token-ttl', values['token-ttl']),
  });
  console.log(`# sso-emulator listening on ${emulator.url}`);
  console.log('# approve a device login by opening its verificationUriComplete; add &action=deny to deny it');
  for (const [name, value] of Object.entries(emulator.env())) console.log(`export ${name}=${value}`);
  if (values['aws-data-path']) {
    await writeAwsCliDataPath(values['aws-data-path'], emulator.url);
    console.log(`export AWS_DATA_PATH=${values['aws-data-path']}`);
  }
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`sso-emulator: ${error.message}\n${USAGE}`);
  process.exitCode = 2;
});
