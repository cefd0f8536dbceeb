import { escapeHtml } from '../login/callback-page';
import { formatDuration, type HumanTime } from '../util/human-time';
import type { SessionView, StatusModel } from './status-model';

/** The script refetches the page and swaps its table in; the nonce lets only it run (the CSP forbids others). */
const REFRESH_MS = 3000;

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4em .6em;border-bottom:1px solid #ddd;vertical-align:top}
.state{font-weight:600}.bad{color:#b00020}.ok{color:#1b5e20}.warn{color:#8a6d00}
.state div{font-weight:400}ul.events{margin:0;padding-left:1em;font-size:.9em;color:#555}button{font-size:1em;white-space:nowrap}`;

const STATE_CLASS: Record<string, string> = {
  valid: 'ok',
  expiring: 'warn',
  expired: 'bad',
  missing: 'bad',
  invalid: 'bad',
  reauth_required: 'bad',
};

/** Response headers of the status page: nothing cached, no referrer (the URL holds the page key). */
export function statusPageHeaders(nonce: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
  };
}

function when(time: HumanTime, at: string | null | undefined): string {
  return at ? escapeHtml(time.when(at)) : '-';
}

function timeLeft(view: SessionView): string {
  const { secondsLeft } = view.status;
  if (secondsLeft === null) return '-';
  return secondsLeft > 0
    ? formatDuration(secondsLeft * 1000)
    : `expired ${formatDuration(secondsLeft * 1000)} ago`;
}

function loginCell(view: SessionView, base: string): string {
  if (view.loginRunning) return '<em>login in progress in a browser</em>';
  if (!view.canLogIn) return '';
  const action = `${base}/login/${encodeURIComponent(view.status.name ?? '')}`;
  return `<form method="post" action="${escapeHtml(action)}"><button type="submit">Log in</button></form>`;
}

function row(view: SessionView, base: string, time: HumanTime): string {
  const { status } = view;
  const name = status.name ?? status.profiles.join(', ');
  const state = status.state.replace('_', ' ');
  const detail = status.detail ? `<div>${escapeHtml(status.detail)}</div>` : '';
  const events = view.events
    .map((e) => `<li>${escapeHtml(time.clock(e.time))} ${escapeHtml(e.message)}</li>`)
    .join('');
  return [
    `<tr data-session="${escapeHtml(status.name ?? '')}" data-state="${escapeHtml(status.state)}">`,
    `<td>${escapeHtml(name)}<div><small>${escapeHtml(status.profiles.join(', '))}</small></div></td>`,
    `<td>${escapeHtml(timeLeft(view))}</td>`,
    `<td class="state ${STATE_CLASS[status.state] ?? ''}">${escapeHtml(state)}${detail}</td>`,
    `<td>${when(time, status.lastRefresh)}</td>`,
    `<td>${when(time, status.nextCheck)}</td>`,
    `<td><ul class="events">${events}</ul></td>`,
    `<td>${loginCell(view, base)}</td>`,
    '</tr>',
  ].join('');
}

/**
 * The status page: server-rendered, every text escaped here and only here. `base` is the page's own
 * path (`/status/<key>`), which forms post back to; the page holds no token.
 */
export function renderStatusPage(
  model: StatusModel,
  options: { base: string; nonce: string; time: HumanTime },
): string {
  const { base, nonce, time } = options;
  const rows = model.sessions.map((view) => row(view, base, time)).join('\n');
  const empty = model.sessions.length ? '' : '<p>No supervised sessions.</p>';
  const head =
    '<tr><th>session</th><th>time left</th><th>state</th><th>last refresh</th><th>next check</th><th>recent events</th><th></th></tr>';
  // Fetches this same page and swaps the table body in, so escaping has one place: the server.
  const script = `setInterval(async()=>{try{const r=await fetch(location.pathname,{cache:'no-store'});if(!r.ok)return;const d=new DOMParser().parseFromString(await r.text(),'text/html');const m=d.querySelector('main');if(m)document.querySelector('main').replaceWith(m);}catch{}},${REFRESH_MS});`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">',
    '<title>sso-supervisor status</title>',
    `<style>${STYLE}</style>`,
    '</head><body>',
    '<h1>sso-supervisor</h1>',
    `<main data-updated="${escapeHtml(model.now)}">`,
    `<p>Updated ${escapeHtml(time.stamp(model.now))}.</p>`,
    empty,
    `<table><thead>${head}</thead><tbody>`,
    rows,
    '</tbody></table>',
    '</main>',
    `<script nonce="${nonce}">${script}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}
