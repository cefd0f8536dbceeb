import { join } from 'node:path';
import type { EmulatorOptions } from '@sso-supervisor/emulator';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';

export interface BenchWorldOptions {
  sessions: number;
  /** Lifetime of each seeded access token, by session index. */
  tokenTtlSeconds: number | ((index: number) => number);
  emulator?: EmulatorOptions;
}

/** A World with N logged-in sessions; its env carries none of this process's own variables but PATH. */
export interface BenchWorld extends World {
  /** Session names in order: s0001, s0002, ... */
  names: string[];
}

/**
 * Builds a BenchWorld under the system temp folder: no supervisor.yaml (`withConfig` gives each run its
 * own, with its own state dir and lock), XDG folders inside the world; `close` removes it.
 */
export async function createBenchWorld(opts: BenchWorldOptions): Promise<BenchWorld> {
  const ttl = opts.tokenTtlSeconds;
  const names = Array.from({ length: opts.sessions }, (_, i) => `s${String(i + 1).padStart(4, '0')}`);
  const world = await createWorld({
    prefix: 'sso-bench-',
    emulator: opts.emulator,
    sessions: names.map((name, i) => ({
      name,
      profiles: [`${name}-dev`],
      accessTokenTtlSeconds: typeof ttl === 'number' ? ttl : ttl(i),
    })),
  });
  Object.assign(world.env, {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    XDG_CONFIG_HOME: join(world.dir, 'xdg-config'),
    XDG_STATE_HOME: join(world.dir, 'xdg-state'),
    NO_COLOR: '1',
  });
  return Object.assign(world, { names });
}
