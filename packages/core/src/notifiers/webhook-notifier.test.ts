import { vendorsLoaded } from '@sso-supervisor/notifier-api/testing';
import { join } from 'node:path';

// The built package, as the CLI loads it (`pnpm test` builds first; see turbo.json).
const DIST = join(__dirname, '../..', 'dist', 'daemon.js');

describe('the built daemon entry', () => {
  it('loads axios only when a webhook notifier is created', () => {
    const options = `{ url: 'https://example.com/hook' }`;
    const create = `pkg.webhookNotifier.create(${options}, { name: 'audit', logger: console })`;
    expect(vendorsLoaded(DIST, create, ['axios'])).toEqual({ onLoad: [], onCreate: ['axios'] });
  });
});
