import { createHash } from 'node:crypto';
import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import { issueTokens } from './issue-tokens';
import type { RegisteredClient } from './registered-client';

// RFC 7636 section 4.1: 43 to 128 characters from the unreserved set.
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/**
 * CreateToken with grant authorization_code: the code must be live, issued to this client, redeemed with
 * the redirect URI the authorize request named, and with the verifier whose S256 hash was the challenge.
 * Every failure is InvalidGrantException, as AWS answers it, and the code is gone after one attempt.
 */
export function redeemAuthorizationCode(
  ctx: EmulatorContext,
  client: RegisteredClient,
  body: Record<string, unknown>,
  now: number,
) {
  const { code, redirectUri, codeVerifier } = body;
  if (typeof code !== 'string' || typeof redirectUri !== 'string' || typeof codeVerifier !== 'string') {
    throw ApiError.oidc('InvalidRequestException', 'code, redirectUri and codeVerifier are required');
  }
  if (!client.grantTypes.includes('authorization_code')) {
    throw ApiError.oidc(
      'UnauthorizedClientException',
      'client is not registered for the authorization_code grant',
    );
  }
  const entry = ctx.codes.take(code, now);
  if (!entry || entry.clientId !== client.clientId) {
    throw ApiError.oidc('InvalidGrantException', 'Invalid authorization code provided');
  }
  if (entry.redirectUri !== redirectUri) {
    throw ApiError.oidc('InvalidGrantException', 'redirectUri does not match the authorization request');
  }
  if (!VERIFIER.test(codeVerifier) || s256(codeVerifier) !== entry.codeChallenge) {
    throw ApiError.oidc('InvalidGrantException', 'codeVerifier does not match the code challenge');
  }
  return issueTokens(ctx, { clientId: client.clientId, accessTokens: [] }, client.issuesRefreshTokens);
}
