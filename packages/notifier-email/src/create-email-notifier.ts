import { readFileSync } from 'node:fs';
import type { Notifier, NotifierDeps } from '@sso-supervisor/core';
import type * as Nodemailer from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import { buildEmail } from './build-email';
import type { EmailOptions } from './email-options-schema';
import { smtpFailure } from './smtp-failure';

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
        await transport.sendMail({ from: options.from, to: options.to, ...content });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}
