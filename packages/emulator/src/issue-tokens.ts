import type { EmulatorContext } from './emulator-context';
import type { Grant } from './grant';

/** A CreateToken answer for a new login (device code approved, or seeded). */
export function issueTokens(
  ctx: EmulatorContext,
  grant: Grant,
  withRefreshToken: boolean,
  ttlSeconds = ctx.settings.accessTokenTtlSeconds,
): { accessToken: string; tokenType: 'Bearer'; expiresIn: number; refreshToken?: string } {
  const accessToken = ctx.tokens.issueAccessToken(grant, ttlSeconds, ctx.now());
  const refreshToken = withRefreshToken ? ctx.tokens.issueRefreshToken(grant) : undefined;
  return { accessToken, tokenType: 'Bearer', expiresIn: ttlSeconds, ...(refreshToken && { refreshToken }) };
}
