/** What the browser shows after the redirect: a line saying what happened, nothing it could leak. */
export interface CallbackPage {
  status: number;
  title: string;
  detail: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tiny self-contained page; no script, no external resource, so the CSP can forbid everything. */
export function renderCallbackPage(page: CallbackPage): string {
  const title = escapeHtml(page.title);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${title} - sso-supervisor</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:4em auto;padding:0 1em}</style>',
    '</head><body>',
    `<h1>${title}</h1>`,
    `<p>${escapeHtml(page.detail)}</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

/**
 * Headers for every answer: the URL held the code, so no referrer may carry it on, nothing is cached, and
 * the page may load nothing.
 */
export const CALLBACK_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
  connection: 'close',
} as const;
