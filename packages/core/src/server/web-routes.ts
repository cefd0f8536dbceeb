import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SupervisedSession } from '../config/session-settings';
import { CALLBACK_HEADERS, renderCallbackPage, type CallbackPage } from '../login/callback-page';
import type { HumanTime } from '../util/human-time';
import type { Logger } from '../util/logger';
import type { LoginStart } from './daemon-logins';
import type { LoginLinks } from './login-links';
import { renderStatusPage, statusPageHeaders } from './page-html';
import { offersLogin, type StatusModel } from './status-model';

export const LOGIN_PREFIX = '/login/';
export const STATUS_PREFIX = '/status/';

export interface WebRoutesDeps {
  /** The per-start secret in the status page's path. */
  statusKey: string;
  links: LoginLinks;
  supervised: () => readonly SupervisedSession[];
  startLogin: (supervised: SupervisedSession) => Promise<LoginStart>;
  model: () => Promise<StatusModel>;
  time: HumanTime;
  logger: Logger;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6: the only peers a login link or the page answers. */
export function isLoopbackPeer(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** A browser on this machine names us by a loopback name; any other Host is a DNS-rebinding page. */
function loopbackHost(req: IncomingMessage): boolean {
  const port = req.socket.localPort;
  const host = req.headers.host ?? '';
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host);
}

function page(res: ServerResponse, p: CallbackPage): void {
  const body = renderCallbackPage(p);
  res.writeHead(p.status, { ...CALLBACK_HEADERS, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const PAGES = {
  notLocal: { status: 403, title: 'Refused', detail: 'This address answers only this machine.' },
  badHost: { status: 400, title: 'Wrong address', detail: 'Open this link as 127.0.0.1 or localhost.' },
  notFound: { status: 404, title: 'Not found', detail: 'Nothing here.' },
  method: { status: 405, title: 'Not allowed', detail: 'This method is not answered here.' },
  used: {
    status: 410,
    title: 'Link already used',
    detail:
      'This login link works once and was used. Nothing was started. Run `sso-supervisor open` for the status page.',
  },
  expired: {
    status: 410,
    title: 'Link expired',
    detail:
      'This login link has expired. Nothing was started. A newer notification has a new link, or run `sso-supervisor open`.',
  },
  unknown: {
    status: 404,
    title: 'Unknown link',
    detail: 'This is not a valid login link. Nothing was started.',
  },
  noNeed: {
    status: 200,
    title: 'Already logged in',
    detail: 'This session does not need a login now. Nothing was started. You can close this tab.',
  },
} satisfies Record<string, CallbackPage>;

/** A path segment, %-decoded; null when the escapes are malformed. */
function segment(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * A form on another site cannot know the key; still, a browser that says where a POST comes from must say
 * it comes from us. The page's no-referrer policy makes Chromium send `Origin: null`, so that passes, and
 * `Sec-Fetch-Site` (sent whatever the policy) decides.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const { origin } = req.headers;
  const site = req.headers['sec-fetch-site'];
  if (origin !== undefined && origin !== 'null' && origin !== `http://${req.headers.host}`) return false;
  return site === undefined || site === 'same-origin' || site === 'none';
}

function keyMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser-facing routes of the daemon's loopback server: one-time login links (`GET /login/<session>?t=`)
 * and the status page (`GET /status/<key>`, `POST /status/<key>/login/<session>`). Returns false for any
 * other path, which the credential broker answers. URLs carry secrets, so no log line holds one.
 */
export function webRoutes(deps: WebRoutesDeps): (req: IncomingMessage, res: ServerResponse) => boolean {
  const find = (name: string) => deps.supervised().find((s) => s.session.name === name);

  async function begin(res: ServerResponse, supervised: SupervisedSession, via: string): Promise<void> {
    const model = await deps.model();
    const view = model.sessions.find((v) => v.id === supervised.session.id);
    if (!view || (!offersLogin(view, supervised) && !view.loginRunning)) return page(res, PAGES.noNeed);
    const started = await deps.startLogin(supervised);
    deps.logger.info('browser login requested', { session: supervised.session.id, via });
    if ('error' in started) {
      return page(res, { status: 502, title: 'Login not started', detail: started.error });
    }
    res.writeHead(303, {
      location: started.authorizeUrl,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    });
    res.end();
  }

  async function link(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET') return page(res, PAGES.method);
    const name = segment(url.pathname.slice(LOGIN_PREFIX.length));
    const supervised = name === null ? undefined : find(name);
    const verdict =
      supervised && name !== null ? deps.links.redeem(name, url.searchParams.get('t') ?? '') : 'unknown';
    if (verdict !== 'valid' || !supervised) {
      deps.logger.warn('login link refused', { session: supervised ? name : undefined, reason: verdict });
      return page(res, PAGES[verdict === 'valid' ? 'unknown' : verdict]);
    }
    await begin(res, supervised, 'link');
  }

  async function status(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [key, action, name, ...rest] = url.pathname.slice(STATUS_PREFIX.length).split('/');
    if (!keyMatches(deps.statusKey, key ?? '')) return page(res, PAGES.notFound);
    const base = `${STATUS_PREFIX}${key}`;
    if (action === undefined) {
      if (req.method !== 'GET') return page(res, PAGES.method);
      const nonce = randomBytes(16).toString('base64');
      const body = renderStatusPage(await deps.model(), { base, nonce, time: deps.time });
      res.writeHead(200, { ...statusPageHeaders(nonce), 'content-length': Buffer.byteLength(body) });
      return void res.end(body);
    }
    if (action !== 'login' || name === undefined || rest.length > 0) return page(res, PAGES.notFound);
    if (req.method !== 'POST') return page(res, PAGES.method);
    if (!sameOrigin(req)) return page(res, PAGES.badHost);
    const decoded = segment(name);
    const supervised = decoded === null ? undefined : find(decoded);
    if (!supervised) return page(res, PAGES.notFound);
    await begin(res, supervised, 'status page');
  }

  return (req, res) => {
    const path = req.url ?? '/';
    const route = path.startsWith(LOGIN_PREFIX) ? link : path.startsWith(STATUS_PREFIX) ? status : null;
    if (!route) return false;
    req.resume();
    if (!isLoopbackPeer(req.socket.remoteAddress)) {
      deps.logger.warn('browser route refused a peer that is not loopback', {
        peer: req.socket.remoteAddress,
      });
      page(res, PAGES.notLocal);
      return true;
    }
    if (!loopbackHost(req)) {
      page(res, PAGES.badHost);
      return true;
    }
    let url: URL;
    try {
      url = new URL(path, 'http://127.0.0.1');
    } catch {
      page(res, PAGES.notFound);
      return true;
    }
    route(req, res, url).catch((error: unknown) => {
      deps.logger.error('browser route failed', { error: String(error) });
      if (!res.headersSent) page(res, { status: 500, title: 'Failed', detail: 'See the daemon log.' });
      else res.destroy();
    });
    return true;
  };
}

/** The browser routes first (when there are any), then `fallback` (the credential broker) for the rest. */
export function withWebRoutes(
  web: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined,
  fallback: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return web ? (req, res) => void (web(req, res) || fallback(req, res)) : fallback;
}
