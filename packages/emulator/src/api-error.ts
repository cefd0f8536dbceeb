const OIDC_NAMESPACE = 'http://internal.amazon.com/coral/com.amazonaws.ssooidc/';
const PORTAL_NAMESPACE = 'http://internal.amazon.com/coral/com.amazon.switchboard.portal/';

/** The OAuth code AWS puts in `error` next to the exception name: InvalidGrantException -> invalid_grant. */
function oauthCode(errorType: string): string {
  const base = errorType.replace(/Exception$/, '');
  if (base === 'InternalServer') return 'server_error';
  return base.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase();
}

/**
 * An error response in AWS restJson1 form: the exception name travels in `x-amzn-ErrorType` (with the
 * namespace suffix AWS appends after a colon, which both the JS SDK and botocore strip).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorTypeHeader: string | undefined,
    readonly body: Record<string, unknown>,
    readonly retryAfterSeconds?: number,
  ) {
    super(errorTypeHeader ?? `HTTP ${status}`);
  }

  headers(): Record<string, string> {
    return {
      ...(this.errorTypeHeader && { 'x-amzn-ErrorType': this.errorTypeHeader }),
      ...(this.retryAfterSeconds !== undefined && { 'retry-after': String(this.retryAfterSeconds) }),
    };
  }

  /** SSO OIDC errors carry `{error, error_description}`. */
  static oidc(errorType: string, description: string, status = 400, retryAfterSeconds?: number): ApiError {
    const header = errorType === '' ? undefined : `${errorType}:${OIDC_NAMESPACE}`;
    const body = errorType === '' ? {} : { error: oauthCode(errorType), error_description: description };
    return new ApiError(status, header, body, retryAfterSeconds);
  }

  /** SSO portal errors carry `{message}`. */
  static portal(errorType: string, message: string, status: number, retryAfterSeconds?: number): ApiError {
    const header = errorType === '' ? undefined : `${errorType}:${PORTAL_NAMESPACE}`;
    return new ApiError(status, header, { message }, retryAfterSeconds);
  }
}
