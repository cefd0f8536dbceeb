import { vendorsLoaded } from '@sso-supervisor/core/testing';
import { join } from 'node:path';

// The built package, as the CLI loads it (`pnpm test` builds first; see turbo.json).
const DIST = join(__dirname, '..', 'dist', 'index.js');

describe('the built package', () => {
  it('loads @slack/webhook and its axios only when a Slack notifier is created', () => {
    const options = `{ webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' }`;
    const create = `pkg.slackNotifier.create(${options}, { name: 'team', logger: console })`;
    expect(vendorsLoaded(DIST, create, ['@slack/webhook', 'axios'])).toEqual({
      onLoad: [],
      onCreate: ['@slack/webhook', 'axios'],
    });
  });
});
