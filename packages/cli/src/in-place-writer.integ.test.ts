import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, saveEnv, type World } from '@sso-supervisor/emulator/testing';
import { buildProgram } from './program';
import { leakedSecrets } from './testing';

/** One command in this process (200 runs in separate processes would take minutes); its output kept. */
async function inProcess(env: Record<string, string>, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const result = { code: 0 };
  const io = { stdout, stderr, env, cwd: process.cwd(), platform: process.platform };
  await buildProgram(io, result).parseAsync(['node', 'sso-supervisor', ...args]);
  return { code: result.code, stdout: out, stderr: err };
}

/**
 * The AWS CLI and the JS SDK rewrite the cache file in place: truncate, then write (botocore's json.dump
 * in pieces). A separate process does that every 2 ms while `token` and `credentials` run 100 times each.
 */
describe('one-shot reads beside an in-place writer', () => {
  let world: World;
  let emulator: Emulator;
  let home: SsoHome;
  let writer: ChildProcess;
  let restoreEnv: () => void;

  beforeAll(async () => {
    world = await createWorld({ prefix: 'in-place-', sessions: [{ name: 'corp', profiles: ['dev'] }] });
    ({ emulator, home } = world);
    restoreEnv = saveEnv();
    Object.assign(process.env, world.env);
    const file = home.sessions.corp.cacheFile;
    const text = await readFile(file, 'utf8');
    writer = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); const text = ${JSON.stringify(text)};
       setInterval(() => {
         const fd = fs.openSync(${JSON.stringify(file)}, 'w');
         for (let i = 0; i < text.length; i += 64) fs.writeSync(fd, text.slice(i, i + 64));
         fs.closeSync(fd);
       }, 2);`,
    ]);
    await sleep(300);
  });

  afterAll(async () => {
    writer.kill();
    restoreEnv();
    await world.close();
  });

  it.each([
    ['token', ['token', 'corp']],
    ['credentials', ['credentials', '--profile', 'dev']],
  ])('%s: 0 failures in 100 runs', async (_name, args) => {
    const failures = [];
    const outputs = [];
    for (let i = 0; i < 100; i++, await sleep(3)) {
      const r = await inProcess(world.env, args);
      outputs.push(r.stderr);
      if (r.code !== 0) failures.push(r.stderr);
    }
    expect(failures).toEqual([]);
    expect(leakedSecrets(emulator.issuedSecrets(), outputs)).toEqual([]);
  });
});
