import { join } from 'node:path';
import { vendorsLoaded } from '@sso-supervisor/notifier-api/testing';
import { smtpFailure } from './email-notifier';

describe(smtpFailure.name, () => {
  it.each([
    [
      { code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:25' },
      true,
      'SMTP ECONNECTION: connect ECONNREFUSED 127.0.0.1:25',
    ],
    [
      { code: 'ETIMEDOUT', message: 'Greeting never received' },
      true,
      'SMTP ETIMEDOUT: Greeting never received',
    ],
    [
      { code: 'EENVELOPE', responseCode: 451, message: 'Try again later' },
      true,
      'SMTP EENVELOPE: Try again later',
    ],
    [
      { code: 'EAUTH', responseCode: 535, message: 'Invalid login: 535 Invalid username or password' },
      false,
      'SMTP EAUTH: Invalid login: 535 Invalid username or password',
    ],
    [
      { code: 'EENVELOPE', responseCode: 550, message: 'No such user\nmore' },
      false,
      'SMTP EENVELOPE: No such user',
    ],
    [{ code: 'ETLS', message: 'no STARTTLS offered' }, false, 'SMTP ETLS: no STARTTLS offered'],
    [
      { code: 'ESOCKET', message: 'self-signed certificate' },
      false,
      'SMTP TLS certificate refused: self-signed certificate',
    ],
    [
      { code: 'ESOCKET', message: 'certificate has expired' },
      false,
      'SMTP TLS certificate refused: certificate has expired',
    ],
    [{ code: 'CERT_HAS_EXPIRED', message: 'expired' }, false, 'SMTP TLS certificate refused: expired'],
  ])('classifies %j', (error, retryable, message) => {
    const failure = smtpFailure(error);
    expect(failure.retryable).toBe(retryable);
    expect(failure.message).toBe(message);
  });
});

// The built package, as the CLI loads it (`pnpm test` builds first; see turbo.json).
const DIST = join(__dirname, '..', 'dist', 'index.js');

describe('the built package', () => {
  it('loads nodemailer only when an email notifier is created', () => {
    const fields = `{ host: 'localhost', from: 'a@example.com', to: 'b@example.com' }`;
    const options = `pkg.emailOptionsSchema.parse(${fields})`;
    const create = `pkg.emailNotifier.create(${options}, { name: 'ops', logger: console })`;
    expect(vendorsLoaded(DIST, create, ['nodemailer'])).toEqual({ onLoad: [], onCreate: ['nodemailer'] });
  });
});
