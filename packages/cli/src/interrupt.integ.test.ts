import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Emulator, SsoHome } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { CLI_BIN, DaemonProcess, leakedSecrets, runCli } from './testing';

// A due session (10 min left, threshold 20 min) and a CreateToken that takes 8 s to answer.
const CONFIG = `version: 1
defaults:
  schedule: "* * * * * *"
  threshold: 20m
  retry: { attempts: 1, baseDelay: 100ms, maxDelay: 200ms }
  timeout: 15s
`;
const LATENCY_MS = 8000;
const WAITING = 'waiting for the refresh of corp to finish (up to 15 s); Ctrl-C again to abandon it';
const ABANDONING = 'abandoning: the refresh token of corp may be spent; you may need to log in again';

/** A one-shot command as a child process, so it can get real signals. */
function oneShot(args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [CLI_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stderr: '', stdout: '' };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, out, exited };
}

async function until(what: string, predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !predicate(); await sleep(20)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

/** Ctrl-C during an 8 s CreateToken, once and twice, in `run` and in a one-shot `refresh`. */
describe('Ctrl-C during a refresh', () => {
  let world: World;
  let emulator: Emulator;
  let home: SsoHome;
  const outputs: string[] = [];

  beforeEach(async () => {
    world = await createWorld({
      prefix: 'interrupt-',
      sessions: [{ name: 'corp', profiles: ['dev'], accessTokenTtlSeconds: 600 }],
      config: CONFIG,
    });
    ({ emulator, home } = world);
    emulator.setLatency(LATENCY_MS);
  });

  afterEach(async () => {
    expect(leakedSecrets(emulator.issuedSecrets(), outputs.splice(0))).toEqual([]);
    await world.close();
  });

  const cacheFile = () => home.sessions.corp.cacheFile;
  const cached = async () => JSON.parse(await readFile(cacheFile(), 'utf8'));
  const leftovers = async () => (await readdir(dirname(cacheFile()))).filter((n) => n.endsWith('.tmp'));
  const onTheWire = () => until('CreateToken', () => emulator.calls.createToken.refresh_token === 1);

  /** The session still refreshes afterwards: its refresh token was not spent and thrown away. */
  async function stillRefreshes(): Promise<void> {
    emulator.setLatency(0);
    const r = await runCli(['refresh', 'corp', '--force'], world.env);
    outputs.push(r.stdout, r.stderr);
    expect(r.code).toBe(0);
    expect(await leftovers()).toEqual([]);
  }

  it('run, one SIGINT: says what it waits for at once, writes the answer, exits 0', async () => {
    const d = new DaemonProcess({ env: world.env });
    await onTheWire();
    d.kill('SIGINT');
    // Said before the answer arrives: the 8 s are not silent.
    await until('the waiting line', () => d.stderr.includes(WAITING), LATENCY_MS - 2000);
    expect((await d.exited).code).toBe(0);
    outputs.push(d.stdout, d.stderr);
    expect((await cached()).accessToken).not.toBe(home.sessions.corp.login!.accessToken);
    expect(await leftovers()).toEqual([]);
    await stillRefreshes();
  });

  it('run, two SIGINTs: says what abandoning costs, exits 130, leaves no temp file', async () => {
    const d = new DaemonProcess({ env: world.env });
    await onTheWire();
    d.kill('SIGINT');
    await until('the waiting line', () => d.stderr.includes(WAITING));
    d.kill('SIGINT');
    expect((await d.exited).code).toBe(130);
    outputs.push(d.stdout, d.stderr);
    expect(d.stderr).toContain(ABANDONING);
    expect(await leftovers()).toEqual([]);
    await stillRefreshes();
  });

  it('refresh, one SIGINT: waits for the answer, writes it, exits 130', async () => {
    const run = oneShot(['refresh', 'corp', '--force'], world.env);
    await onTheWire();
    run.child.kill('SIGINT');
    await until('the waiting line', () => run.out.stderr.includes(WAITING), LATENCY_MS - 2000);
    expect(await run.exited).toBe(130);
    outputs.push(run.out.stdout, run.out.stderr);
    expect((await cached()).accessToken).not.toBe(home.sessions.corp.login!.accessToken);
    expect(await leftovers()).toEqual([]);
    await stillRefreshes();
  });

  it('refresh, SIGINT then SIGTERM: abandons with the cost said, exits 143, leaves no temp file', async () => {
    const run = oneShot(['refresh', 'corp', '--force'], world.env);
    await onTheWire();
    run.child.kill('SIGINT');
    await until('the waiting line', () => run.out.stderr.includes(WAITING));
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(143);
    outputs.push(run.out.stdout, run.out.stderr);
    expect(run.out.stderr).toContain(ABANDONING);
    expect(await leftovers()).toEqual([]);
    await stillRefreshes();
  });

  it('a temp file a killed writer left is removed by the next command that writes', async () => {
    const run = oneShot(['refresh', 'corp', '--force'], world.env);
    await onTheWire();
    run.child.kill('SIGKILL');
    await run.exited;
    expect(await leftovers()).toHaveLength(1);
    await stillRefreshes();
  });
});
