import { timingSafeEqual } from 'node:crypto';

export const CALLBACK_PATH = '/oauth/callback';

/** What one request to the callback server means for the login. */
export type CallbackVerdict =
  | { kind: 'code'; code: string }
  /** The authorize page sent the browser back with an error (access_denied when the person refused). */
  | { kind: 'error'; error: string; description?: string }
  /** Not an answer to this login: a stale tab, a typo, another page probing the port. */
  | { kind: 'rejected'; reason: string }
  | { kind: 'not_found' };

const SUCCESS_KEYS = ['code', 'state'];
const ERROR_KEYS = ['error', 'state', 'error_description', 'error_uri'];

function sameState(actual: string, expected: string): boolean {
  const a = Buffer.from(actual, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Judges a callback request strictly: exactly `code` + `state`, or `error` + `state` (+ the optional
 * RFC 6749 error fields), each once, with this login's state. Anything else is rejected and the login
 * keeps waiting, so neither a stale tab nor a page that guesses the port can end it; only an answer
 * carrying our state (which only the authorize page saw) can.
 */
export function classifyCallback(url: URL, expectedState: string): CallbackVerdict {
  if (url.pathname !== CALLBACK_PATH) return { kind: 'not_found' };
  const keys = [...url.searchParams.keys()];
  const twice = keys.find((key, i) => keys.indexOf(key) !== i);
  if (twice) return { kind: 'rejected', reason: `parameter ${twice} is given more than once` };
  const state = url.searchParams.get('state');
  if (state === null) return { kind: 'rejected', reason: 'the state parameter is missing' };
  if (!sameState(state, expectedState))
    return { kind: 'rejected', reason: 'the state does not match this login' };
  const error = url.searchParams.get('error');
  const allowed = error !== null ? ERROR_KEYS : SUCCESS_KEYS;
  const extra = keys.find((key) => !allowed.includes(key));
  if (extra) return { kind: 'rejected', reason: `unexpected parameter ${extra}` };
  if (error !== null) {
    const description = url.searchParams.get('error_description') ?? undefined;
    return { kind: 'error', error, ...(description && { description }) };
  }
  const code = url.searchParams.get('code');
  if (!code) return { kind: 'rejected', reason: 'the code parameter is missing' };
  return { kind: 'code', code };
}
