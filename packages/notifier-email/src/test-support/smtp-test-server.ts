import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export const SMTP_USER = 'notifier@example.com';
export const SMTP_PASSWORD = 'smtp-pass-Zk81';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message with quoted-printable undone, for text searches. */
  text: string;
  /** Whether the message arrived over TLS, and who logged in. */
  secure: boolean;
  user?: string;
}

export interface SmtpTestServer {
  port: number;
  /** PEM of the self-signed certificate the server presents: the CA for the client. */
  caFile: string;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export const hasOpenssl = spawnSync('openssl', ['version']).status === 0;

function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A real SMTP server on 127.0.0.1 (smtp-server) offering STARTTLS with a fresh self-signed certificate
 * for 127.0.0.1 and requiring AUTH after it. `starttls: false` hides STARTTLS.
 */
export async function startSmtpTestServer({ starttls = true } = {}): Promise<SmtpTestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-test-'));
  const [keyFile, caFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      caFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    key: readFileSync(keyFile),
    cert: readFileSync(caFile),
    ...(!starttls && { disabledCommands: ['STARTTLS'] }),
    allowInsecureAuth: !starttls,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          text: decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8')),
          secure: session.secure,
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    caFile,
    mails,
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}
