import { createWorld, type World } from '@sso-supervisor/emulator/testing';

export type DemoWorld = World;

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
export function createDemoWorld(): Promise<DemoWorld> {
  return createWorld({
    prefix: 'sso-supervisor-demo-',
    emulator: { accessTokenTtlSeconds: TOKEN_TTL_SECONDS },
    sessions: [
      { name: 'dev', profiles: ['dev-app', 'dev-admin'], accessTokenTtlSeconds: 22 },
      { name: 'staging', profiles: ['staging-app', 'staging-admin'], accessTokenTtlSeconds: 26 },
      { name: 'prod', profiles: ['prod-readonly', 'prod-admin'], accessTokenTtlSeconds: 30 },
    ],
    config: SUPERVISOR_YAML,
  });
}
