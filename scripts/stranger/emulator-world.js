// The AWS side of the stranger stage, run from the workspace: the emulator, a throw-away HOME with one logged-in
// sso-session `corp` (profile corp-dev), and a profile `stranger` whose credential_process is the installed
// `sso-supervisor` found on PATH. Writes the environment as `export` lines to the file named by argv[2], then
// serves until SIGTERM.
const { writeFileSync, appendFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const testing = require.resolve('@sso-supervisor/emulator/testing', {
  paths: [join(root, 'packages', 'cli')],
});
const { createWorld } = require(testing);

async function main() {
  const world = await createWorld({
    prefix: 'sso-stranger-',
    sessions: [{ name: 'corp', profiles: ['corp-dev'], accessTokenTtlSeconds: 3600 }],
  });
  appendFileSync(
    world.home.configFile,
    '\n[profile stranger]\ncredential_process = sso-supervisor credentials --profile corp-dev\nregion = us-east-1\n',
  );
  const { env } = world;
  const quote = (v) => `'${String(v).replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    process.argv[2],
    Object.entries(env)
      .map(([k, v]) => `export ${k}=${quote(v)}\n`)
      .join(''),
  );
  process.stdout.write('ready\n');
  const stop = () => void world.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`emulator-world: ${error.stack}\n`);
  process.exit(1);
});
