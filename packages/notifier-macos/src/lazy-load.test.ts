import { vendorsLoaded } from '@sso-supervisor/core/testing';
import { join } from 'node:path';

// The built package, as the CLI loads it (`pnpm test` builds first; see turbo.json).
const DIST = join(__dirname, '..', 'dist', 'index.js');

describe('the built package', () => {
  it('loads node-notifier only when a desktop notifier is created', () => {
    const options = `pkg.macosOptionsSchema.parse({})`;
    const create = `pkg.macosNotifier.create(${options}, { name: 'me', logger: console })`;
    expect(vendorsLoaded(DIST, create, ['node-notifier'])).toEqual({
      onLoad: [],
      onCreate: ['node-notifier'],
    });
  });
});
