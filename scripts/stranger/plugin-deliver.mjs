// Part two of plugin-check.sh: the installed daemon delivers through a plugin installed from its tarball.
// Usage: node plugin-deliver.mjs <bin-dir> <api.tgz> <plugin.tgz>
// Starts the workspace emulator (the peer, not the product) and a local HTTP server standing in for
// Discord, installs the plugin with plain npm beside a supervisor.yaml, runs `<bin-dir>/sso-supervisor run`
// and counts requests: one delivered, a 404 not retried, a 429's retry_after waited out.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { setTimeout as sleep } from 'node:timers/promises';

const [binDir, apiTarball, pluginTarball] = process.argv.slice(2).map((p) => resolve(p));
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { createWorld } = createRequire(import.meta.url)(join(root, 'packages/emulator/dist/testing.js'));

const RETRY_AFTER_S = 3;
const TOKEN = 'stranger-webhook-token-Q7ZK';
const hooks = {
  ok: `/api/webhooks/101/${TOKEN}-ok`,
  gone: `/api/webhooks/102/${TOKEN}-gone`,
  slow: `/api/webhooks/103/${TOKEN}-slow`,
};
const seen = { ok: [], gone: [], slow: [] };

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (process.env.PLUGIN_CHECK_DEBUG)
      console.log('request', req.method, req.url, Buffer.concat(chunks).toString('utf8').slice(0, 200));
    const name = Object.keys(hooks).find((k) => req.url?.startsWith(hooks[k]));
    const body = Buffer.concat(chunks).toString('utf8');
    if (!name || !body.includes('Supervisor started')) return res.writeHead(200).end('{}');
    seen[name].push(Date.now());
    const json = (status, value) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    if (name === 'gone') return json(404, { message: 'Unknown Webhook', code: 10015 });
    if (name === 'slow' && seen.slow.length === 1)
      return json(429, { message: 'You are being rate limited.', retry_after: RETRY_AFTER_S, global: false });
    return json(200, { id: '1300000000000000042', channel_id: '1200000000000000007' });
  });
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

const entry = (name) => `  - name: ${name}
    module: '@acme/sso-notifier-discord'
    events: ['supervisor.started']
    options:
      webhookUrl: \${HOOK_${name.toUpperCase()}}
`;
const world = await createWorld({
  prefix: 'stranger-plugin-',
  sessions: [{ name: 'corp', profiles: ['dev'] }],
  config: `version: 1\nsessions:\n  - name: corp\nnotifiers:\n${entry('ok')}${entry('gone')}${entry('slow')}`,
});

// Webhook URLs hold a token: from the environment, as the README advises, never in the file.
const hookEnv = Object.fromEntries(
  Object.keys(hooks).map((k) => [`HOOK_${k.toUpperCase()}`, base + hooks[k]]),
);
const env = { ...process.env, ...world.env, ...hookEnv, NODE_PATH: '' };
let daemon;
let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? 'ok' : 'FAILED'}: ${what}`);
  if (!ok) failed = true;
};
try {
  // As a user would: plain npm, in the folder of supervisor.yaml, from the tarballs.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', apiTarball, pluginTarball], {
    cwd: world.dir,
    stdio: 'inherit',
    env: { ...process.env, NODE_PATH: '' },
  });
  const bin = join(binDir, 'sso-supervisor');
  const validate = spawn(bin, ['validate'], { env });
  let validateErr = '';
  validate.stderr.on('data', (c) => (validateErr += c));
  const validateCode = await new Promise((done) => validate.on('exit', done));
  check(
    validateCode === 0,
    `validate accepts the installed plugin (exit ${validateCode}) ${validateErr.trim()}`,
  );

  let output = '';
  daemon = spawn(bin, ['run'], { env });
  daemon.stdout.on('data', (c) => (output += c));
  daemon.stderr.on('data', (c) => (output += c));
  const exited = new Promise((done) => daemon.on('exit', (code, signal) => done({ code, signal })));
  const deadline = Date.now() + 60_000;
  while (seen.slow.length < 2 && Date.now() < deadline) await sleep(100);
  // Long enough after the 404 for the dispatcher's retries (1 s backoff, 3 attempts) to have come.
  while (seen.gone.length > 0 && Date.now() - seen.gone[0] < 4000) await sleep(100);
  const counts = { ok: seen.ok.length, gone: seen.gone.length, slow: seen.slow.length };
  daemon.kill('SIGTERM');
  const { code, signal } = await exited;

  check(counts.ok === 1, `an event delivered through the plugin (${counts.ok} request)`);
  check(counts.gone === 1, `a 404 is not retried (${counts.gone} request(s))`);
  const gap = counts.slow === 2 ? seen.slow[1] - seen.slow[0] : -1;
  check(
    gap >= RETRY_AFTER_S * 1000,
    `a 429's retry_after of ${RETRY_AFTER_S} s is waited out (${counts.slow} requests, ${gap} ms apart)`,
  );
  check(code === 0, `the daemon stops cleanly on SIGTERM (exit ${code ?? signal})`);
  check(!output.includes(TOKEN), 'no webhook token in the daemon output');
  if (failed) console.log(output);
} finally {
  if (daemon && daemon.exitCode === null) daemon.kill('SIGKILL');
  server.close();
  await world.close();
}
process.exit(failed ? 1 : 0);
