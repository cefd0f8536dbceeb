import { join } from 'node:path';
import { startCaptureServer, notifierContract } from '@sso-supervisor/notifier-api/testing';
import { requireImporter } from '../testing/module-loading';
import { loadCustomNotifier } from './load-custom-notifier';
import type { NotifierPlugin } from './notifier-contract';

async function examplePlugin(): Promise<NotifierPlugin> {
  const loaded = await loadCustomNotifier(
    './fixtures/example-notifier.cjs',
    join(__dirname, 'supervisor.yaml'),
    requireImporter,
  );
  if ('error' in loaded) throw new Error(loaded.error);
  return loaded.plugin;
}

async function closedUrl(): Promise<string> {
  const server = await startCaptureServer();
  await server.close();
  return server.url;
}

notifierContract('example custom notifier (fixtures/example-notifier.cjs)', {
  async setup({ logger }) {
    const server = await startCaptureServer();
    const plugin = await examplePlugin();
    const notifier = plugin.create(plugin.optionsSchema.parse({ url: server.url }), { name: 'chat', logger });
    return { notifier, delivered: () => server.requests.map((r) => r.body), teardown: () => server.close() };
  },
  async setupFailing({ logger }) {
    const plugin = await examplePlugin();
    return {
      notifier: plugin.create({ url: await closedUrl() }, { name: 'chat', logger }),
      delivered: () => [],
    };
  },
});
