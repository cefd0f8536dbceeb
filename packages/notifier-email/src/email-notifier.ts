import { readFileSync } from 'node:fs';
import type * as Nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import {
  type Notifier,
  type NotifierDeps,
  NotifierError,
  type NotifierPlugin,
} from '@sso-supervisor/notifier-api';
import { z } from 'zod';
import { buildEmail } from './build-email';

const address = z
  .string()
  .regex(/\S@\S/, 'an email address, e.g. ops@example.com or "SSO <sso@example.com>"');

/** Options of the `email` notifier (SMTP through nodemailer). */
export const emailOptionsSchema = z
  .object({
    host: z.string().min(1),
    /** 587 (submission with STARTTLS) unless given; 465 with `secure: true`. */
    port: z.number().int().min(1).max(65535).default(587),
    /** TLS from the first byte (port 465). Otherwise the connection is upgraded with STARTTLS. */
    secure: z.boolean().default(false),
    /** Refuse to send when the server offers no STARTTLS; turn off only for a trusted local relay. */
    requireTLS: z.boolean().default(true),
    user: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    /** A PEM file of the CA that signed the server's certificate, for a private relay. */
    caFile: z.string().min(1).optional(),
    from: address,
    to: z.union([address, z.array(address).min(1)]),
    subjectPrefix: z.string().default('[sso-supervisor]'),
  })
  .strict()
  .refine((options) => (options.user === undefined) === (options.password === undefined), {
    message: 'give both `user` and `password`, or neither',
    path: ['password'],
  });

export type EmailOptions = z.output<typeof emailOptionsSchema>;

// nodemailer's codes for trouble that may clear by itself; EAUTH, ETLS, EENVELOPE and the like need a
// person to fix the configuration and are not retried.
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

// A certificate the client refuses stays refused until someone changes the server or `caFile`, so it
// is not retried although nodemailer reports it as ESOCKET. Node's own codes, in case they come
// through, and the messages nodemailer passes on from Node's TLS socket ("self-signed certificate",
// "certificate has expired", "Hostname/IP does not match certificate's altnames", and "wrong version
// number" for TLS spoken to a plain-text port).
const TLS_CERT_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const TLS_CERT_MESSAGE = /certificate|altnames|wrong version number/i;

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
  const line = (message ?? 'unknown error').split('\n', 1)[0].slice(0, 200);
  if ((code !== undefined && TLS_CERT_CODES.has(code)) || TLS_CERT_MESSAGE.test(line)) {
    return new NotifierError(`SMTP TLS certificate refused: ${line}`, { retryable: false });
  }
  // SMTP 4xx replies are transient by definition (RFC 5321 section 4.2.1); 5xx are permanent.
  const retryable =
    (code !== undefined && TRANSIENT_CODES.has(code)) || (reply !== undefined && reply >= 400 && reply < 500);
  return new NotifierError(`SMTP ${code ?? 'error'}: ${line}`, { retryable });
}

/** The part of a nodemailer Transporter the notifier uses; tests may hand in their own. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close(): void;
}

export interface EmailDeps extends NotifierDeps {
  transport?: MailTransport;
}

/**
 * The default transport. nodemailer is required here, not at the top, so that it loads only when an
 * email notifier is configured.
 */
function createTransport(options: EmailOptions): MailTransport {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy, see above
  const nodemailer = require('nodemailer') as typeof Nodemailer;
  return nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: options.requireTLS,
    ...(options.user !== undefined && { auth: { user: options.user, pass: options.password } }),
    ...(options.caFile !== undefined && { tls: { ca: readFileSync(options.caFile, 'utf8') } }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/** Sends each event as one email (text and HTML) over SMTP; a missing CA file fails creation. */
export function createEmailNotifier(options: EmailOptions, deps: EmailDeps): Notifier {
  const transport = deps.transport ?? createTransport(options);
  return {
    name: deps.name,
    async send(event) {
      const content = buildEmail(event, options.subjectPrefix);
      try {
        await transport.sendMail({
          from: options.from,
          to: options.to,
          // RFC 3834: machine-sent, so auto-responders (out-of-office replies) stay quiet.
          headers: { 'Auto-Submitted': 'auto-generated' },
          ...content,
        });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** The `type: email` notifier plugin: SMTP with STARTTLS and auth, text and HTML bodies. */
export const emailNotifier: NotifierPlugin<EmailOptions> = {
  type: 'email',
  optionsSchema: emailOptionsSchema,
  create: (options, deps) => createEmailNotifier(options, deps),
};
