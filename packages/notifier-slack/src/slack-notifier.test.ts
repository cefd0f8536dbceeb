import { vendorsLoaded } from '@sso-supervisor/notifier-api/testing';
import { isSlackWebhookUrl } from './slack-notifier';
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

describe(isSlackWebhookUrl.name, () => {
  it.each([
    'https://hooks.slack.com/services/T0/B0/x',
    'https://hooks.slack-gov.com/services/T0/B0/x',
    'http://127.0.0.1:8080/services/T0/B0/x',
    'http://localhost:8080/hook',
  ])('takes %s', (url) => expect(isSlackWebhookUrl(url)).toBe(true));

  it.each([
    'http://hooks.slack.com/services/T0/B0/x', // the secret path in clear text
    'https://hooks.slack.com/',
    'https://example.com/services/T0/B0/x',
    'https://hooks.slack.com.evil.example/services/x',
    'http:hooks.slack.com/services/x',
    'hooks.slack.com/services/x',
  ])('refuses %s', (url) => expect(isSlackWebhookUrl(url)).toBe(false));
});
