import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackError } from '../errors';
import { CALLBACK_HEADERS, renderCallbackPage, type CallbackPage } from './callback-page';
import { CALLBACK_PATH, classifyCallback } from './classify-callback';

export interface CallbackServerOptions {
  /** 0 or unset: a free port the system picks. */
  port?: number;
  /** This login's `state`; only a callback carrying it counts. */
  expectedState: string;
  /** How long a person has to finish in the browser. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface CallbackServer {
  port: number;
  /** `http://127.0.0.1:PORT/oauth/callback`, the URI the authorize request names. */
  redirectUri: string;
  /** The authorization code; rejects with a CallbackError (denied, timeout, aborted). */
  code: Promise<string>;
  /** Callbacks turned away so far, with the latest reasons, for the timeout message and tests. */
  rejected(): { count: number; reasons: string[] };
  close(): Promise<void>;
}

// Loopback only: the code must never be reachable from the network (the AWS CLI binds all interfaces).
const HOST = '127.0.0.1';
const KEPT_REASONS = 5;
// A flood of connections (a misbehaving page, a port scanner) is bounded; slow ones are cut short.
const MAX_CONNECTIONS = 64;
const REQUEST_TIMEOUT_MS = 10_000;

const DONE: CallbackPage = {
  status: 200,
  title: 'Signed in',
  detail: 'sso-supervisor received the sign-in. You can close this tab and return to the terminal.',
};
const FINISHED: CallbackPage = {
  status: 200,
  title: 'Already finished',
  detail: 'This sign-in has already been handled. You can close this tab.',
};

function send(res: ServerResponse, page: CallbackPage): void {
  const body = renderCallbackPage(page);
  res.writeHead(page.status, { ...CALLBACK_HEADERS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/**
 * The loopback server the authorize page redirects the browser to. It listens before the browser is
 * opened (so the URL never points at nothing), settles on the first callback carrying this login's state,
 * answers every request with a short page, and keeps answering ("already finished") until closed, so a
 * second tab or a reload is harmless.
 */
export async function startCallbackServer(options: CallbackServerOptions): Promise<CallbackServer> {
  let settle!: { resolve: (code: string) => void; reject: (error: CallbackError) => void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => {}); // the caller may close without awaiting it
  let settled = false;
  let count = 0;
  const reasons: string[] = [];
  let port = 0;

  const finish = (outcome: { code: string } | CallbackError) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (outcome instanceof CallbackError) settle.reject(outcome);
    else settle.resolve(outcome.code);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET')
      return send(res, { status: 405, title: 'Not allowed', detail: 'Only GET is answered here.' });
    // A page elsewhere can make the browser call us, but only under its own Host name (DNS rebinding).
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${port}` && host !== `localhost:${port}`) {
      return send(res, {
        status: 400,
        title: 'Wrong address',
        detail: 'This server answers only 127.0.0.1.',
      });
    }
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    if (url.pathname !== CALLBACK_PATH)
      return send(res, { status: 404, title: 'Not found', detail: 'Nothing here.' });
    if (settled) return send(res, FINISHED);
    const verdict = classifyCallback(url, options.expectedState);
    if (verdict.kind === 'code') {
      send(res, DONE);
      return finish({ code: verdict.code });
    }
    if (verdict.kind === 'error') {
      const denied = verdict.error === 'access_denied';
      const detail = `${verdict.error}${verdict.description ? `: ${verdict.description}` : ''}`;
      send(res, {
        status: 200,
        title: denied ? 'Sign-in refused' : 'Sign-in failed',
        detail: `AWS answered ${detail}. You can close this tab.`,
      });
      return finish(
        new CallbackError(
          denied ? 'denied' : 'authorize_error',
          denied
            ? `the sign-in was refused in the browser (${detail})`
            : `the authorize page answered ${detail}`,
        ),
      );
    }
    count += 1;
    reasons.push(verdict.kind === 'rejected' ? verdict.reason : 'not found');
    if (reasons.length > KEPT_REASONS) reasons.shift();
    send(res, {
      status: 400,
      title: 'Not this sign-in',
      detail: `This request was refused: ${reasons.at(-1)}. The sign-in is still waiting.`,
    });
  };

  const server = createServer(handle);
  server.maxConnections = MAX_CONNECTIONS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = 1;

  try {
    port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, HOST, () => resolve((server.address() as AddressInfo).port));
    });
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new CallbackError(
      inUse ? 'port_in_use' : 'listen_failed',
      inUse
        ? `port ${options.port} on ${HOST} is in use; pick another redirect port or leave it unset for a free one`
        : `cannot listen on ${HOST}:${options.port ?? 0} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      { cause: error },
    );
  }

  const timer = setTimeout(() => {
    const seconds = Math.round(options.timeoutMs / 1000);
    const refused = count ? `; ${count} callback(s) were refused, last because ${reasons.at(-1)}` : '';
    finish(
      new CallbackError('timeout', `nobody finished the sign-in in the browser within ${seconds}s${refused}`),
    );
  }, options.timeoutMs);
  const onAbort = () => finish(new CallbackError('aborted', 'the login was cancelled'));
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return {
    port,
    redirectUri: `http://${HOST}:${port}${CALLBACK_PATH}`,
    code,
    rejected: () => ({ count, reasons: [...reasons] }),
    close() {
      finish(new CallbackError('aborted', 'the login was cancelled'));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      return closed;
    },
  };
}
