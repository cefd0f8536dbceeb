import { resolve } from 'node:path';
import { loadCustomNotifier } from '@sso-supervisor/core/daemon';
import { requireImporter } from '@sso-supervisor/core/testing';

const EXAMPLES = resolve(__dirname, '../..');

describe('examples/custom-notifier as a `module:`', () => {
  it.each([
    // As after `npm install @acme/sso-notifier-discord` beside the config (this package depends on it).
    ['@acme/sso-notifier-discord', resolve(__dirname, '..', 'supervisor.yaml')],
    // By path from the config file's folder, as examples/supervisor.yaml has it.
    ['./custom-notifier/dist/index.js', resolve(EXAMPLES, 'supervisor.yaml')],
    ['./custom-notifier', resolve(EXAMPLES, 'supervisor.yaml')],
  ])('loads %s from %s', async (spec, configFile) => {
    const loaded = await loadCustomNotifier(spec, configFile, requireImporter);
    expect('plugin' in loaded && loaded.plugin.type).toBe('discord');
  });
});
