// The daemon's control channel: one connection per request. The client writes one JSON line; the server
// answers at once with an ack line (so a socket that accepts but never reads is told apart from a daemon
// busy refreshing), then with one response line, and closes. No imports: the client loads this file.

export const CONTROL_PROTOCOL_VERSION = 1;
export const MAX_REQUEST_BYTES = 64 * 1024;
export const MAX_RESPONSE_BYTES = 1024 * 1024;
const MAX_NAME_LENGTH = 256;
const MAX_SESSIONS = 1000;

export interface TokenRequest {
  v: 1;
  op: 'token';
  session: string;
}
export interface CredentialsRequest {
  v: 1;
  op: 'credentials';
  profile: string;
}
export interface RefreshRequest {
  v: 1;
  op: 'refresh';
  sessions: string[];
  force: boolean;
}
export interface PingRequest {
  v: 1;
  op: 'ping';
}
export type ControlRequest = TokenRequest | CredentialsRequest | RefreshRequest | PingRequest;
export type ControlOp = ControlRequest['op'];
export type RequestFor<Op extends ControlOp> = Extract<ControlRequest, { op: Op }>;
/** A request as a caller writes it; the client adds the version. */
export type ControlRequestBody = ControlRequest extends infer R
  ? R extends ControlRequest
    ? Omit<R, 'v'>
    : never
  : never;

/** What each op answers with when it succeeds; the daemon's handler fills these in. */
export interface ControlResults {
  token: { accessToken: string; expiresAt: string };
  credentials: {
    Version: 1;
    AccessKeyId: string;
    SecretAccessKey: string;
    SessionToken: string;
    Expiration: string;
  };
  /** The engine's RefreshResult per session, as `refresh --json` prints it (secret-free by contract). */
  refresh: {
    results: Array<{
      session: string | null;
      id: string;
      outcome: 'refreshed' | 'skipped' | 'reauth_required' | 'failed' | 'invalid';
      expiresAt?: string;
      error?: string;
      command?: string;
    }>;
  };
  ping: { pid: number };
}

/** `code` is machine-readable; `message` never carries a token, secret or the request itself. */
export interface ControlError {
  code: string;
  message: string;
  retryable: boolean;
}

/**
 * An error code for an answer the caller prints as it is (a login is needed, the role is not assigned):
 * `failed:<kind>` with the CredentialsFailure kind. Any other error code means "do the work yourself".
 */
export const FAILURE_CODE_PREFIX = 'failed:';

export type ControlReply<Op extends ControlOp = ControlOp> =
  { ok: true; result: ControlResults[Op] } | { ok: false; error: ControlError };
export type ControlResponse<Op extends ControlOp = ControlOp> = { v: 1 } & ControlReply<Op>;
export type ControlAck = { v: 1; ack: true };

export function controlError(
  code: string,
  message: string,
  retryable = false,
): { ok: false; error: ControlError } {
  return { ok: false, error: { code, message, retryable } };
}

/** Checks a request line's shape; the answer to an unusable one is a ControlError, not an exception. */
export function parseControlRequest(line: string): ControlRequest | ControlError {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line);
  } catch {
    return { code: 'bad-request', message: 'the request is not JSON', retryable: false };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { code: 'bad-request', message: 'the request is not a JSON object', retryable: false };
  }
  if (value.v !== CONTROL_PROTOCOL_VERSION) {
    return {
      code: 'unsupported-version',
      message: `this daemon speaks protocol version ${CONTROL_PROTOCOL_VERSION}`,
      retryable: false,
    };
  }
  const bad = (field: string) => ({
    code: 'bad-request',
    message: `${field} is missing or invalid`,
    retryable: false,
  });
  switch (value.op) {
    case 'token':
      return isName(value.session) ? { v: 1, op: 'token', session: value.session } : bad('session');
    case 'credentials':
      return isName(value.profile) ? { v: 1, op: 'credentials', profile: value.profile } : bad('profile');
    case 'refresh':
      if (
        !Array.isArray(value.sessions) ||
        value.sessions.length > MAX_SESSIONS ||
        !value.sessions.every(isName)
      ) {
        return bad('sessions');
      }
      if (value.force !== undefined && typeof value.force !== 'boolean') return bad('force');
      return { v: 1, op: 'refresh', sessions: value.sessions, force: value.force === true };
    case 'ping':
      return { v: 1, op: 'ping' };
    default:
      // A newer client may know ops this daemon does not: it falls back to doing the work itself.
      return { code: 'unknown-op', message: 'this daemon does not know the requested op', retryable: false };
  }
}

/** Checks a response line's shape (not the result's fields: those belong to the op's owner). */
export function parseControlLine(line: string): ControlResponse | ControlAck | null {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || value.v !== CONTROL_PROTOCOL_VERSION) return null;
  if (value.ack === true) return { v: 1, ack: true };
  if (value.ok === true && 'result' in value) return value as unknown as ControlResponse;
  const error = value.error as Partial<ControlError> | undefined;
  if (value.ok === false && typeof error?.code === 'string' && typeof error.message === 'string') {
    return {
      v: 1,
      ok: false,
      error: { code: error.code, message: error.message, retryable: error.retryable === true },
    };
  }
  return null;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_NAME_LENGTH;
}
