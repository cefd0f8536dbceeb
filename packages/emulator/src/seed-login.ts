import type { Emulator } from './emulator';
import type { EmulatorContext } from './emulator-context';
import { issueTokens } from './issue-tokens';

type SeedInput = Parameters<Emulator['seedLogin']>[0];

/** Registers a client and issues tokens directly, as a completed `aws sso login` would have. */
export function seedLogin(ctx: EmulatorContext, input: SeedInput): ReturnType<Emulator['seedLogin']> {
  const withRefreshToken = input.withRefreshToken ?? true;
  const registrationTtl = input.registrationTtlSeconds ?? ctx.settings.registrationTtlSeconds;
  const client = ctx.clients.register(withRefreshToken, registrationTtl, ctx.now());
  const ttlSeconds = input.accessTokenTtlSeconds ?? ctx.settings.accessTokenTtlSeconds;
  const issuedAt = ctx.now();
  const tokens = issueTokens(
    ctx,
    { clientId: client.clientId, accessTokens: [] },
    withRefreshToken,
    ttlSeconds,
  );
  return {
    startUrl: input.startUrl,
    region: input.region,
    accessToken: tokens.accessToken,
    expiresAt: new Date(issuedAt + ttlSeconds * 1000),
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    registrationExpiresAt: new Date(client.expiresAtMs),
    ...(tokens.refreshToken && { refreshToken: tokens.refreshToken }),
  };
}
