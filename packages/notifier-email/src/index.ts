export {
  emailNotifier,
  emailOptionsSchema,
  createEmailNotifier,
  type EmailOptions,
  type EmailDeps,
  type MailTransport,
} from './email-notifier';
export { buildEmail, type EmailContent } from './build-email';
