import type { NotifierPlugin } from '@sso-supervisor/core';
import { createEmailNotifier } from './create-email-notifier';
import { emailOptionsSchema, type EmailOptions } from './email-options-schema';

/** The `type: email` notifier plugin: SMTP with STARTTLS and auth, text and HTML bodies. */
export const emailNotifier: NotifierPlugin<EmailOptions> = {
  type: 'email',
  optionsSchema: emailOptionsSchema,
  create: (options, deps) => createEmailNotifier(options, deps),
};
