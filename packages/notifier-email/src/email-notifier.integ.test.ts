import { notifierContract } from '@sso-supervisor/core/testing';
import { emailNotifier } from './email-notifier';
import {
  hasOpenssl,
  SMTP_PASSWORD,
  SMTP_USER,
  startSmtpTestServer,
  type SmtpTestServer,
} from './test-support/smtp-test-server';

function options(server: SmtpTestServer, password = SMTP_PASSWORD) {
  return emailNotifier.optionsSchema.parse({
    host: '127.0.0.1',
    port: server.port,
    user: SMTP_USER,
    password,
    caFile: server.caFile,
    from: 'sso@example.com',
    to: 'ops@example.com',
  });
}

if (hasOpenssl) {
  notifierContract('email', {
    secrets: [SMTP_PASSWORD, 'wrong-pass-Q7'],
    async setup({ logger }) {
      const server = await startSmtpTestServer();
      const notifier = emailNotifier.create(options(server), { name: 'mail', logger });
      return { notifier, delivered: () => server.mails.map((m) => m.text), teardown: () => server.close() };
    },
    async setupFailing({ logger }) {
      const server = await startSmtpTestServer();
      const notifier = emailNotifier.create(options(server, 'wrong-pass-Q7'), { name: 'mail', logger });
      return { notifier, delivered: () => server.mails.map((m) => m.text), teardown: () => server.close() };
    },
  });
} else {
  // The test server's certificate comes from the openssl command line.
  describe.skip('notifier contract: email (needs openssl)', () =>
    it('runs where openssl is installed', () => undefined));
}
