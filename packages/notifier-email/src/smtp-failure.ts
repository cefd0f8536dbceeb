import { NotifierError } from '@sso-supervisor/core';

// nodemailer's codes for trouble that may clear by itself; EAUTH, ETLS, EENVELOPE and the like need a
// person to fix the configuration and are not retried.
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

/**
 * Classifies a nodemailer error. Built from its code, SMTP reply code and first message line (which
 * for EAUTH is the server's reply, never the password).
 */
export function smtpFailure(error: unknown): NotifierError {
  const { code, responseCode, message } = (error ?? {}) as {
    code?: string;
    responseCode?: number;
    message?: string;
  };
  const reply = typeof responseCode === 'number' ? responseCode : undefined;
  // SMTP 4xx replies are transient by definition (RFC 5321 section 4.2.1); 5xx are permanent.
  const retryable =
    (code !== undefined && TRANSIENT_CODES.has(code)) || (reply !== undefined && reply >= 400 && reply < 500);
  const line = (message ?? 'unknown error').split('\n', 1)[0].slice(0, 200);
  return new NotifierError(`SMTP ${code ?? 'error'}: ${line}`, { retryable });
}
