import { summarizeEvent, type SupervisorEvent } from '@sso-supervisor/notifier-api';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** Subject, plain-text and HTML bodies for an event; every value in the HTML is escaped. */
export function buildEmail(event: SupervisorEvent, subjectPrefix: string): EmailContent {
  const summary = summarizeEvent(event);
  const footer = `${event.severity} | ${event.type} | ${event.time}`;
  const login = summary.login;
  const code = login?.code ? ` (code ${login.code})` : '';

  const text = [
    event.message,
    summary.facts.map(({ label, value }) => `${label}: ${value}`).join('\n'),
    [summary.command && `Fix: ${summary.command}`, login && `Approve the login: ${login.uri}${code}`]
      .filter(Boolean)
      .join('\n'),
    footer,
  ]
    .filter(Boolean)
    .join('\n\n');

  const h = (value: string) => escapeHtml(value).replace(/\n/g, '<br>');
  const rows = summary.facts.map(
    ({ label, value }) => `<tr><th align="left">${h(label)}</th><td>${h(value)}</td></tr>`,
  );
  const html = [
    `<h2>${h(summary.title)}</h2>`,
    `<p>${h(event.message)}</p>`,
    rows.length > 0 ? `<table>${rows.join('')}</table>` : '',
    summary.command ? `<p><strong>Fix:</strong> <code>${h(summary.command)}</code></p>` : '',
    login
      ? `<p><strong>Approve the login:</strong> <a href="${h(login.uri)}">${h(login.uri)}</a>` +
        (login.code ? ` with code <code>${h(login.code)}</code>` : '') +
        '</p>'
      : '',
    `<p style="color:#666">${h(footer)}</p>`,
  ]
    .filter(Boolean)
    .join('\n');

  const subject = `${subjectPrefix} ${summary.subject}`.trim().replace(/\s+/g, ' ');
  return { subject, text, html };
}
