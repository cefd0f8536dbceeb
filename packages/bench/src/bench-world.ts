import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSsoHome,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type SsoHome,
} from '@sso-supervisor/emulator';

export interface BenchWorldOptions {
  sessions: number;
  /** Lifetime of each seeded access token, by session index. */
  tokenTtlSeconds: number | ((index: number) => number);
  emulator?: EmulatorOptions;
}

/** A throw-away HOME with N logged-in sessions, and the emulator that issued their tokens. */
export interface BenchWorld {
  emulator: Emulator;
  dir: string;
  home: SsoHome;
  /** Session names in order: s0001, s0002, ... */
  names: string[];
  /** Everything a CLI process needs, without this process's own variables: no supervisor.yaml, own state dir. */
  env: Record<string, string>;
  /** Writes `<name>.yaml` and returns an env using it, with a state dir (and lock) of its own. */
  withConfig(name: string, yaml: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** Builds a BenchWorld under the system temp folder; `close` removes it and stops the emulator. */
export async function createBenchWorld(opts: BenchWorldOptions): Promise<BenchWorld> {
  const emulator = await startEmulator(opts.emulator);
  const dir = await mkdtemp(join(tmpdir(), 'sso-bench-'));
  const ttl = opts.tokenTtlSeconds;
  const names = Array.from({ length: opts.sessions }, (_, i) => `s${String(i + 1).padStart(4, '0')}`);
  const home = await createSsoHome(
    emulator,
    join(dir, 'home'),
    names.map((name, i) => ({
      name,
      profiles: [`${name}-dev`],
      accessTokenTtlSeconds: typeof ttl === 'number' ? ttl : ttl(i),
    })),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...home.env,
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_STATE_HOME: join(dir, 'xdg-state'),
    SSO_SUPERVISOR_STATE_DIR: join(dir, 'state'),
    NO_COLOR: '1',
  };
  return {
    emulator,
    dir,
    home,
    names,
    env,
    async withConfig(name, yaml) {
      const file = join(dir, `${name}.yaml`);
      await writeFile(file, yaml);
      const stateDir = join(dir, `state-${name}`);
      await mkdir(stateDir, { recursive: true, mode: 0o700 });
      return { ...env, SSO_SUPERVISOR_CONFIG: file, SSO_SUPERVISOR_STATE_DIR: stateDir };
    },
    async close() {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
