import { readFile } from 'node:fs/promises';
import { writeCachedLogin } from '@sso-supervisor/emulator';
import type { DemoWorld } from './demo-world';

export interface DemoStep {
  atMs: number;
  say: string;
  act: (world: DemoWorld) => Promise<void>;
}

/** What happens to the world while the daemon runs: a session is ended by an admin, then a person logs in. */
export const DEMO_SCRIPT: DemoStep[] = [
  {
    atMs: 12_000,
    say: 'an administrator ends the prod session in IAM Identity Center (its refresh token dies)',
    act: async (world) => {
      const cached = JSON.parse(await readFile(world.home.sessions.prod.cacheFile, 'utf8'));
      world.emulator.revokeRefreshToken(cached.refreshToken);
    },
  },
  {
    atMs: 30_000,
    say: 'you run `aws sso login --sso-session prod` (a new token lands in the cache)',
    act: async (world) => {
      const { startUrl, cacheFile } = world.home.sessions.prod;
      await writeCachedLogin(
        cacheFile,
        world.emulator.seedLogin({ startUrl, region: 'us-east-1', accessTokenTtlSeconds: 30 }),
      );
    },
  },
];
