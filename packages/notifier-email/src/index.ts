export { emailNotifier } from './email-notifier';
export { emailOptionsSchema, type EmailOptions } from './email-options-schema';
export { createEmailNotifier, type EmailDeps, type MailTransport } from './create-email-notifier';
export { buildEmail, type EmailContent } from './build-email';
