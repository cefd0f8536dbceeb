import { TransientError } from './transient-error';

/**
 * CreateToken answered without a usable access token but with a new refresh token. The call may have
 * spent the old refresh token (rotation), so the new one must be kept or the session is lost. The token
 * is a field, never part of the message.
 */
export class IncompleteRefreshError extends TransientError {
  constructor(
    message: string,
    readonly refreshToken: string,
  ) {
    super(message);
  }
}
