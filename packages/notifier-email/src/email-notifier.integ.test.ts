import { systemClock } from '@sso-supervisor/core';
import type { SupervisorEvent } from '@sso-supervisor/notifier-api';
import { Dispatcher } from '@sso-supervisor/core/daemon';
import { notifierContract, RecordingLogger } from '@sso-supervisor/notifier-api/testing';
import { createEmailNotifier, emailNotifier, emailOptionsSchema } from './email-notifier';
import {
  hasOpenssl,
  SMTP_PASSWORD,
  SMTP_USER,
  startSmtpTestServer,
  type SmtpTestServer,
} from './test-support/smtp-test-server';

/** A fixture with whatever contract fields the test needs, whichever type it names. */
const loose = (fields: object) => fields as SupervisorEvent;

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

const event = loose({
  type: 'token.expired',
  time: '2026-11-22T09:20:00.000Z',
  severity: 'error',
  session: 'corp',
  message: 'corp <expired>',
  command: 'aws sso login --sso-session corp',
});

function notifier(server: SmtpTestServer, over: Record<string, unknown> = {}) {
  const options = emailOptionsSchema.parse({
    host: '127.0.0.1',
    port: server.port,
    user: SMTP_USER,
    password: SMTP_PASSWORD,
    caFile: server.caFile,
    from: 'SSO Supervisor <sso@example.com>',
    to: ['ops@example.com', 'me@example.com'],
    ...over,
  });
  return createEmailNotifier(options, { name: 'mail', logger: new RecordingLogger() });
}

// The server's certificate comes from the openssl command line; without it STARTTLS cannot be tested.
(hasOpenssl ? describe : describe.skip)(createEmailNotifier.name, () => {
  let server: SmtpTestServer;
  afterEach(() => server.close());

  it('delivers over STARTTLS after AUTH, with text and escaped HTML bodies', async () => {
    server = await startSmtpTestServer();
    const mail = notifier(server);
    await mail.send(event);
    await mail.close?.();
    expect(server.mails).toHaveLength(1);
    const [received] = server.mails;
    expect(received).toMatchObject({
      from: 'sso@example.com',
      to: ['ops@example.com', 'me@example.com'],
      secure: true,
      user: SMTP_USER,
    });
    expect(received.text).toContain('Subject: [sso-supervisor] [ERROR] corp: Token expired');
    expect(received.text).toContain('Content-Type: text/plain');
    expect(received.text).toContain('corp <expired>');
    expect(received.text).toContain('Content-Type: text/html');
    expect(received.text).toContain('<p>corp &lt;expired&gt;</p>');
    expect(received.text).not.toContain(SMTP_PASSWORD);
    expect(received.text).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
  });

  it('rejects a certificate it cannot trust as permanent', async () => {
    server = await startSmtpTestServer();
    const logger = new RecordingLogger();
    // No caFile: the server's self-signed certificate is not trusted.
    const mail = notifier(server, { caFile: undefined });
    await expect(mail.send(event)).rejects.toMatchObject({
      retryable: false,
      message: 'SMTP TLS certificate refused: self-signed certificate',
    });
    // Through the dispatcher: one attempt, not three.
    const entry = {
      name: 'mail',
      type: 'email',
      private: false,
      events: ['*'],
      cooldown: 0,
      options: {},
      path: 'notifiers[0]',
    };
    const retry = { attempts: 3, baseDelay: 10, maxDelay: 20, timeout: 10_000 };
    const dispatcher = new Dispatcher([{ notifier: mail, entry }], logger, systemClock, { retry });
    const [outcome] = await dispatcher.deliver(event);
    await dispatcher.close();
    expect(outcome).toMatchObject({ delivered: false, attempts: 1 });
    expect(server.mails).toHaveLength(0);
  });

  it('rejects a refused login as permanent, without the password', async () => {
    server = await startSmtpTestServer();
    const failure = notifier(server, { password: 'wrong-pass-Q7' }).send(event);
    await expect(failure).rejects.toMatchObject({
      retryable: false,
      message: expect.stringMatching(/^SMTP EAUTH: .*535/),
    });
    await expect(failure).rejects.not.toHaveProperty('message', expect.stringContaining('wrong-pass-Q7'));
    expect(server.mails).toHaveLength(0);
  });

  it('refuses to send where the server offers no STARTTLS', async () => {
    server = await startSmtpTestServer({ starttls: false });
    await expect(notifier(server).send(event)).rejects.toMatchObject({
      retryable: false,
      message: expect.stringMatching(/^SMTP ETLS: /),
    });
    expect(server.mails).toHaveLength(0);
  });

  it('rejects an unreachable server as retryable', async () => {
    server = await startSmtpTestServer();
    const mail = notifier(server);
    await server.close();
    server = await startSmtpTestServer();
    await expect(mail.send(event)).rejects.toMatchObject({
      retryable: true,
      message: expect.stringMatching(/^SMTP ESOCKET: connect ECONNREFUSED/),
    });
  });

  it('fails creation when the CA file is missing', async () => {
    server = await startSmtpTestServer();
    expect(() => notifier(server, { caFile: '/nonexistent/ca.pem' })).toThrow(/ENOENT/);
  });
});
