import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSsoHome, startEmulator, type Emulator, type SsoHome } from '@sso-supervisor/emulator';

export interface DemoWorld {
  dir: string;
  emulator: Emulator;
  home: SsoHome;
  configFile: string;
  env: Record<string, string>;
}

/** Tokens live seconds, so a minute of demo shows what a day of real use does. */
const TOKEN_TTL_SECONDS = 30;

const SUPERVISOR_YAML = `# The demo's supervisor.yaml: minutes scaled down to seconds.
version: 1
defaults:
  schedule: "*/2 * * * * *"   # every 2 seconds (6-field cron)
  threshold: 20s              # real use: 20m or more
  retry: { attempts: 3, baseDelay: 200ms, maxDelay: 1s }
  timeout: 2s
log:
  level: info
`;

/**
 * A throw-away world: the emulator, and a HOME with dev, staging and prod sessions (two profiles each),
 * logged in with short-lived tokens, plus the supervisor.yaml the demo runs with.
 */
export async function createDemoWorld(): Promise<DemoWorld> {
  const emulator = await startEmulator({ accessTokenTtlSeconds: TOKEN_TTL_SECONDS });
  const dir = await mkdtemp(join(tmpdir(), 'sso-supervisor-demo-'));
  const home = await createSsoHome(emulator, join(dir, 'home'), [
    { name: 'dev', profiles: ['dev-app', 'dev-admin'], accessTokenTtlSeconds: 22 },
    { name: 'staging', profiles: ['staging-app', 'staging-admin'], accessTokenTtlSeconds: 26 },
    { name: 'prod', profiles: ['prod-readonly', 'prod-admin'], accessTokenTtlSeconds: 30 },
  ]);
  const configFile = join(dir, 'supervisor.yaml');
  await writeFile(configFile, SUPERVISOR_YAML);
  const env = {
    ...home.env,
    SSO_SUPERVISOR_STATE_DIR: join(dir, 'state'),
    SSO_SUPERVISOR_CONFIG: configFile,
  };
  return { dir, emulator, home, configFile, env };
}
