import { ApiError } from './api-error';
import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';
import { matchesRedirectUri } from './matches-redirect-uri';
import { Redirect } from './redirect';

// RFC 7636 section 4.2: S256 challenges are 43 base64url characters. botocore trims the padding '='
// itself, so an untrimmed one (44 with '=') is taken as well.
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}=?$/;

function redirectWith(redirectUri: string, params: Record<string, string>): Redirect {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return new Redirect(url.toString());
}

/**
 * GET /authorize (the page `https://oidc.{region}.amazonaws.com/authorize` a browser opens in the
 * authorization-code grant). The emulator plays the person too: it approves at once (or denies, after
 * `setAuthorizeAnswer('deny')`) and sends the browser back to the redirect URI with `code` and `state`.
 * As RFC 6749 section 4.1.2.1 asks, a request with an unknown client or redirect URI is answered here
 * (400), never redirected; other mistakes go back to the redirect URI as `error=...`.
 */
export function handleAuthorize(ctx: EmulatorContext, { query }: HandlerRequest): Redirect {
  const now = ctx.now();
  const client = ctx.clients.find(query.get('client_id'), now);
  if (!client) throw ApiError.oidc('InvalidClientException', 'Invalid client provided', 400);
  const redirectUri = query.get('redirect_uri') ?? '';
  if (!matchesRedirectUri(client.redirectUris, redirectUri)) {
    throw ApiError.oidc('InvalidRequestException', 'redirect_uri is not registered for this client');
  }
  const state = query.get('state');
  const answer = (error: string, description: string) =>
    redirectWith(redirectUri, {
      error,
      error_description: description,
      ...(state !== null && { state }),
    });
  if (!client.grantTypes.includes('authorization_code')) {
    return answer('unauthorized_client', 'client is not registered for the authorization_code grant');
  }
  if (query.get('response_type') !== 'code')
    return answer('unsupported_response_type', 'response_type must be code');
  if (query.get('code_challenge_method') !== 'S256') {
    return answer('invalid_request', 'code_challenge_method must be S256');
  }
  const challenge = query.get('code_challenge') ?? '';
  if (!S256_CHALLENGE.test(challenge)) return answer('invalid_request', 'code_challenge is malformed');
  const scopes = (query.get('scopes') ?? '').split(' ').filter(Boolean);
  if (client.scopes.length > 0 && scopes.some((s) => !client.scopes.includes(s))) {
    return answer('invalid_scope', 'scopes were not registered for this client');
  }
  if (ctx.settings.authorizeAnswer === 'deny') return answer('access_denied', 'The user denied the request');
  const issued = ctx.codes.issue(client.clientId, redirectUri, challenge.replace(/=$/, ''), now);
  return redirectWith(redirectUri, { code: issued.code, ...(state !== null && { state }) });
}
