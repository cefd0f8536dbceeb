import { SupervisorError } from './supervisor-error';

/** The refresh token or client registration is dead: only a new login helps. */
export class ReauthRequiredError extends SupervisorError {
  constructor(
    message: string,
    readonly command: string,
    options?: { cause?: unknown },
  ) {
    super(message, false, options);
  }
}
