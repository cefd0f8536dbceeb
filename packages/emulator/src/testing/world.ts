import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../emulator';
import type { EmulatorOptions } from '../emulator-options';
import { createSsoHome, type SsoHome, type SsoHomeSession } from '../sso-home';
import { startEmulator } from '../start-emulator';

export interface WorldOptions {
  /** Start of the temp folder's name, so a leftover folder says who made it. */
  prefix: string;
  sessions: SsoHomeSession[];
  emulator?: EmulatorOptions;
  /** supervisor.yaml text: written to `<dir>/supervisor.yaml`, which `env` then names. */
  config?: string;
  /** Added to `env`, after the world's own variables. */
  env?: Record<string, string>;
}

/**
 * A throw-away AWS home and the emulator that issued its tokens: HOME and ~/.aws/config laid out by
 * `aws configure sso` + `aws sso login`, a state folder, and the variables a CLI process or the daemon
 * needs to use them. The demo, the bench, the chaos suites and the integration tests all start here.
 */
export interface World {
  dir: string;
  emulator: Emulator;
  home: SsoHome;
  /** `<dir>/supervisor.yaml`; it exists once `config` was given or `writeConfig` ran. */
  configFile: string;
  /** `<dir>/state`: SSO_SUPERVISOR_STATE_DIR in `env`. */
  stateDir: string;
  /** HOME, AWS_CONFIG_FILE, the emulator's endpoints, the state folder, the config (if any), then `options.env`. */
  env: Record<string, string>;
  /** Writes supervisor.yaml; `env` names it from now on. */
  writeConfig(yaml: string): Promise<void>;
  /** Writes `<name>.yaml` and returns an env using it, with a state folder (and lock) of its own. */
  withConfig(name: string, yaml: string): Promise<Record<string, string>>;
  /** Stops the emulator and removes the folder. */
  close(): Promise<void>;
}

/** Builds a World under the system temp folder; `close` takes it down. */
export async function createWorld(options: WorldOptions): Promise<World> {
  const dir = await mkdtemp(join(tmpdir(), options.prefix));
  const emulator = await startEmulator(options.emulator);
  const home = await createSsoHome(emulator, join(dir, 'home'), options.sessions);
  const configFile = join(dir, 'supervisor.yaml');
  const stateDir = join(dir, 'state');
  const env: Record<string, string> = { ...home.env, SSO_SUPERVISOR_STATE_DIR: stateDir, ...options.env };
  const world: World = {
    dir,
    emulator,
    home,
    configFile,
    stateDir,
    env,
    async writeConfig(yaml) {
      await writeFile(configFile, yaml);
      env.SSO_SUPERVISOR_CONFIG = configFile;
    },
    async withConfig(name, yaml) {
      const file = join(dir, `${name}.yaml`);
      await writeFile(file, yaml);
      const ownState = join(dir, `state-${name}`);
      await mkdir(ownState, { recursive: true, mode: 0o700 });
      return { ...env, SSO_SUPERVISOR_CONFIG: file, SSO_SUPERVISOR_STATE_DIR: ownState };
    },
    async close() {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  if (options.config !== undefined) await world.writeConfig(options.config);
  return world;
}
