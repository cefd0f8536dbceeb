import type { Notifier, NotifierDeps } from '../notifier';
import { summarizeEvent } from '../summarize-event';
import { httpFailure } from '../http-failure';
import { startCaptureServer } from './capture-server';
import { notifierContract } from './notifier-contract';

/** The smallest honest notifier: one POST of the summary per event, built from shown fields only. */
function postingNotifier(url: string, deps: NotifierDeps): Notifier {
  return {
    name: deps.name,
    async send(event) {
      const { title, facts, login } = summarizeEvent(event);
      const body = JSON.stringify({ title, message: event.message, facts, login });
      const response = await fetch(url, { method: 'POST', body }).catch((error: unknown) => {
        throw httpFailure(error);
      });
      if (!response.ok) throw httpFailure({ response: { status: response.status } });
      deps.logger.debug('posted', { notifier: deps.name, event: event.type });
    },
  };
}

// The suite run against a notifier written only with this package, as a plugin author would.
notifierContract('a notifier written against notifier-api alone', {
  secrets: ['/hook/secret-path-8HQ2'],
  async setup({ logger }) {
    const server = await startCaptureServer();
    const notifier = postingNotifier(`${server.url}/hook/secret-path-8HQ2`, { name: 'posting', logger });
    return { notifier, delivered: () => server.requests.map((r) => r.body), teardown: () => server.close() };
  },
  async setupFailing({ logger }) {
    const server = await startCaptureServer();
    await server.close();
    return {
      notifier: postingNotifier(`${server.url}/hook/secret-path-8HQ2`, { name: 'posting', logger }),
      delivered: () => [],
    };
  },
});
