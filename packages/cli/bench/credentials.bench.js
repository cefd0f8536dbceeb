#!/usr/bin/env node
'use strict';
// Wall time of `credentials --format process`, cold (a new process each run, as credential_process runs
// it), against `node -e 0`: on a role-cache hit and on a miss (GetRoleCredentials through the AWS SDK),
// against the embedded emulator in a throw-away HOME. Uses hyperfine when installed, else its own loop.
// Usage: node packages/cli/bench/credentials.bench.js [RUNS]   (after building core, emulator and cli)
const { execFileSync, spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { createSsoHome, startEmulator } = require('@sso-supervisor/emulator');

const RUNS = Number(process.argv[2] ?? 30);

const BIN = path.join(__dirname, '..', 'bin', 'sso-supervisor.js');

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

const hasHyperfine = () => {
  try {
    execFileSync('hyperfine', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Own loop when hyperfine is missing: mean and min wall time of RUNS runs, in milliseconds. */
async function loop(argv, env, prepare) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    if (prepare) prepare();
    const started = process.hrtime.bigint();
    await run(argv[0], argv.slice(1), env);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { mean: times.reduce((a, b) => a + b, 0) / times.length, min: Math.min(...times) };
}

async function main() {
  const emulator = await startEmulator();
  const dir = mkdtempSync(path.join(tmpdir(), 'credentials-bench-'));
  try {
    const home = await createSsoHome(emulator, path.join(dir, 'home'), [{ name: 'corp', profiles: ['dev'] }]);
    const stateDir = path.join(dir, 'state');
    const env = { PATH: process.env.PATH, ...home.env, SSO_SUPERVISOR_STATE_DIR: stateDir };
    const credentials = [process.execPath, BIN, 'credentials', '--profile', 'dev', '--format', 'process'];
    const clearCache = () =>
      rmSync(path.join(stateDir, 'role-credentials'), { recursive: true, force: true });
    const cases = [
      { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
      { name: 'credentials (role-cache hit)', argv: credentials },
      { name: 'credentials (role-cache miss)', argv: credentials, prepare: clearCache },
    ];
    await run(credentials[0], credentials.slice(1), env);
    const results = [];
    if (hasHyperfine()) {
      const out = path.join(dir, 'hyperfine.json');
      const args = ['-N', '--warmup', '3', '--runs', String(RUNS), '--export-json', out];
      for (const c of cases) {
        if (c.prepare) args.push('--prepare', `rm -rf ${path.join(stateDir, 'role-credentials')}`);
        else args.push('--prepare', 'true');
        args.push('--command-name', c.name, c.argv.join(' '));
      }
      await run('hyperfine', args, env);
      for (const r of JSON.parse(readFileSync(out, 'utf8')).results)
        results.push({ name: r.command, mean: r.mean * 1000, min: r.min * 1000, user: r.user * 1000 });
    } else {
      for (const c of cases) results.push({ name: c.name, ...(await loop(c.argv, env, c.prepare)) });
    }
    const base = results[0].mean;
    console.log(`\n${RUNS} runs each; GetRoleCredentials calls: ${emulator.calls.getRoleCredentials}`);
    for (const r of results) {
      console.log(
        `${r.name.padEnd(32)} mean ${r.mean.toFixed(1).padStart(7)} ms  min ${r.min.toFixed(1).padStart(7)} ms` +
          `${r.user === undefined ? '' : `  user CPU ${r.user.toFixed(1).padStart(6)} ms`}  ${(r.mean / base).toFixed(2)}x node -e 0`,
      );
    }
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
