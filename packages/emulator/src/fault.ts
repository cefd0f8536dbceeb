/**
 * A failure the emulator serves for an operation. Only `missing-field` processes the request; for every other
 * kind no state changes, so a retry with the same refresh token or device code behaves as if the faulted
 * request never arrived.
 * - `status`: an error response; `errorType` defaults to the type AWS sends for that status (400
 *   InvalidRequestException, 401 InvalidClientException / UnauthorizedException, 429 TooManyRequestsException,
 *   5xx InternalServerException); pass '' to send no type header and an empty body.
 * - `timeout`: the request is held for `delayMs`, then served normally if the client is still connected.
 * - `reset`: the connection is reset with no response.
 * - `malformed`: 200 with a truncated JSON body.
 * - `empty`: 200 with an empty body.
 * - `missing-field`: the request is processed and the field is left out of the answer.
 */
export type Fault =
  | { kind: 'status'; status: number; errorType?: string; retryAfterSeconds?: number }
  | { kind: 'timeout'; delayMs: number }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'empty' }
  | { kind: 'missing-field'; field: 'accessToken' | 'expiresIn' };
