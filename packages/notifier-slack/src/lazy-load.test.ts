import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The built package, as the CLI loads it (`pnpm test` builds first; see turbo.json).
const DIST = join(__dirname, '..', 'dist', 'index.js');

/**
 * Which of `vendors` are in require.cache of a fresh Node process once the built package is loaded,
 * and once `create` (a script with the package as `pkg`) has run.
 */
function vendorsLoaded(create: string, vendors: string[]): { onLoad: string[]; onCreate: string[] } {
  const script = `
    const loaded = () => {
      const paths = Object.keys(require.cache).map((p) => p.replace(/\\\\/g, '/'));
      const wanted = ${JSON.stringify(vendors)};
      return wanted.filter((v) => paths.some((p) => p.includes('/node_modules/' + v + '/')));
    };
    const pkg = require(${JSON.stringify(DIST)});
    const onLoad = loaded();
    ${create};
    console.log(JSON.stringify({ onLoad, onCreate: loaded() }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('the built package', () => {
  it('loads @slack/webhook and its axios only when a Slack notifier is created', () => {
    const options = `{ webhookUrl: 'https://hooks.slack.com/services/T0/B0/x' }`;
    const create = `pkg.slackNotifier.create(${options}, { name: 'team', logger: console })`;
    expect(vendorsLoaded(create, ['@slack/webhook', 'axios'])).toEqual({
      onLoad: [],
      onCreate: ['@slack/webhook', 'axios'],
    });
  });
});
