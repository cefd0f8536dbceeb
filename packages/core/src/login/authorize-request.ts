import { createHash, randomInt, randomUUID } from 'node:crypto';

/** RFC 7636 section 4.1: the verifier's alphabet; botocore draws 64 characters from it. */
const VERIFIER_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';
const VERIFIER_LENGTH = 64;

export interface PkcePair {
  verifier: string;
  /** base64url(SHA-256(verifier)) without padding: what the S256 method sends. */
  challenge: string;
}

export function createPkcePair(): PkcePair {
  const verifier = Array.from(
    { length: VERIFIER_LENGTH },
    () => VERIFIER_ALPHABET[randomInt(VERIFIER_ALPHABET.length)],
  ).join('');
  return { verifier, challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url') };
}

/** A fresh `state`; botocore sends a UUID4, and so do we, so the URL looks the same to AWS. */
export function createState(): string {
  return randomUUID();
}

export interface AuthorizeRequest {
  clientId: string;
  /** The port-specific URI (`http://127.0.0.1:PORT/oauth/callback`), not the registered one. */
  redirectUri: string;
  state: string;
  challenge: string;
  scopes: readonly string[];
}

/**
 * The URL a browser opens: `{oidc endpoint}/authorize?...`, with the parameters in the order and encoding
 * botocore's SSOTokenFetcherAuth uses (percent-encoding, space-separated `scopes`, challenge last).
 */
export function buildAuthorizeUrl(oidcEndpoint: string, request: AuthorizeRequest): string {
  const q = (value: string) => encodeURIComponent(value);
  const params: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', request.clientId],
    ['redirect_uri', request.redirectUri],
    ['state', request.state],
    ['code_challenge_method', 'S256'],
    ['scopes', request.scopes.join(' ')],
    ['code_challenge', request.challenge],
  ];
  const base = oidcEndpoint.replace(/\/+$/, '');
  return `${base}/authorize?${params.map(([k, v]) => `${k}=${q(v)}`).join('&')}`;
}
