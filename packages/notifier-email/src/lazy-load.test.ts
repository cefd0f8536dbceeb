import { vendorsLoaded } from '@sso-supervisor/core/testing';
import { join } from 'node:path';

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
