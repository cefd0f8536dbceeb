import { rm } from 'node:fs/promises';
import { waitForStop } from '@sso-supervisor/core/daemon';
import type { CliIo } from '../cli-io';
import { DEMO_SCRIPT } from '../demo/demo-script';
import { createDemoWorld } from '../demo/demo-world';
import { withSetup } from '../with-setup';
import { startDaemon } from './run-command';
import { statusCommand } from './status-command';

/**
 * `demo`: the real daemon against the embedded emulator in a throw-away HOME, with dev, staging and prod
 * sessions whose tokens live seconds; prints what happens until Ctrl-C or `durationMs`.
 */
export async function demoCommand(io: CliIo, opts: { durationMs?: number }): Promise<number> {
  const world = await createDemoWorld();
  const savedEnv = { ...process.env };
  // The AWS SDK reads its endpoint variables from the process environment itself.
  Object.assign(process.env, world.emulator.env());
  const demoIo: CliIo = { ...io, env: { ...io.env, ...world.env } };
  const say = (line: string) => io.stdout.write(`demo: ${line}\n`);
  const timers: NodeJS.Timeout[] = [];
  try {
    say(`AWS SSO emulator at ${world.emulator.url}; throw-away HOME at ${world.home.home}`);
    say(
      'sessions dev, staging and prod, two profiles each; tokens live ~30 s; refresh under 20 s left, checks every 2 s',
    );
    const daemon = await startDaemon(demoIo, {}, io.stdout);
    if (typeof daemon === 'number') return daemon;
    for (const step of DEMO_SCRIPT) {
      timers.push(setTimeout(() => (say(step.say), void step.act(world)), step.atMs));
    }
    say(
      opts.durationMs
        ? `running for ${opts.durationMs / 1000} s (Ctrl-C stops earlier)`
        : 'running until Ctrl-C',
    );
    await waitForStop({ durationMs: opts.durationMs });
    timers.forEach(clearTimeout);
    await daemon.stop();
    say(
      `done: ${world.emulator.calls.createToken.refresh_token} refreshes through CreateToken; final status:`,
    );
    await withSetup(demoIo, {}, (ws) => statusCommand(ws, demoIo, {}));
    return 0;
  } finally {
    timers.forEach(clearTimeout);
    process.env = savedEnv;
    await world.emulator.close();
    await rm(world.dir, { recursive: true, force: true });
  }
}
