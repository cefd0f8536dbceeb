import { summarizeEvent, type EventSummary, type SupervisorEvent } from '@sso-supervisor/notifier-api';
import type { IncomingWebhookSendArguments } from '@slack/webhook';

type Block = NonNullable<IncomingWebhookSendArguments['blocks']>[number];

// Block Kit limits: header text 150 characters, section text 3000, each field 2000, ten fields.
const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

/** Slack's mrkdwn treats these three as control characters (api.slack.com "Escaping text"). */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fixText(summary: EventSummary): string | undefined {
  if (summary.login) {
    const uri = escape(summary.login.uri);
    const code = summary.login.code ? `\n*Code:* \`${escape(summary.login.code)}\`` : '';
    return `*Approve the login:* <${uri}|${uri}>${code}`;
  }
  return summary.command ? `*Fix:* \`${escape(summary.command)}\`` : undefined;
}

/**
 * The Block Kit message for an event: what happened, the session and its profiles, time left, and the
 * command or link that fixes it, with `text` as the notification and screen-reader fallback.
 */
export function buildSlackMessage(event: SupervisorEvent): IncomingWebhookSendArguments {
  const summary = summarizeEvent(event);
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(summary.title, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: cut(escape(event.message), 3000) } },
  ];
  if (summary.facts.length > 0) {
    const fields = summary.facts.slice(0, 10).map(({ label, value }) => ({
      type: 'mrkdwn' as const,
      text: cut(`*${label}*\n${escape(value)}`, 2000),
    }));
    blocks.push({ type: 'section', fields });
  }
  const fix = fixText(summary);
  if (fix) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(fix, 3000) } });
  const seconds = Math.floor(Date.parse(event.time) / 1000);
  const when = Number.isNaN(seconds)
    ? escape(event.time)
    : `<!date^${seconds}^{date_short_pretty} {time}|${event.time}>`;
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `${event.severity} | ${event.type} | ${when}` }],
  });
  // The fallback is mrkdwn too: unescaped, a session name or error text holding `<!here>` pings a channel.
  return { text: escape(`${summary.subject}: ${event.message}`), blocks };
}
