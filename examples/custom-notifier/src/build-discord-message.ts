import { summarizeEvent, type Severity, type SupervisorEvent } from '@sso-supervisor/notifier-api';

export interface DiscordEmbedField {
  name: string;
  value: string;
  inline: boolean;
}

export interface DiscordEmbed {
  title: string;
  description: string;
  color: number;
  fields: DiscordEmbedField[];
  footer: { text: string };
  timestamp: string;
}

/** The JSON body of Discord's Execute Webhook, as far as this notifier fills it. */
export interface DiscordMessage {
  content: string;
  embeds: DiscordEmbed[];
  allowed_mentions: { parse: string[] };
  username?: string;
  avatar_url?: string;
}

// Discord's own green, yellow and red.
const COLORS: Record<Severity, number> = { info: 0x57f287, warning: 0xfee75c, error: 0xed4245 };

// Discord answers HTTP 400 to a title over 256 characters, a description over 4096, a field value over
// 1024, or embeds over 6000 characters in all (discord.com/developers/docs/resources/message#embed-limits).
// A field value gets half its limit, so that all eight facts still leave the message room in the 6000.
const LIMITS = { title: 256, description: 4096, value: 512, embed: 6000 };

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

// Descriptions and field values are Markdown: a session named `team_a_b` would otherwise be italic.
const escape = (text: string) => text.replace(/[\\*_~`|]/g, '\\$&');

function factFields(event: SupervisorEvent): DiscordEmbedField[] {
  const fields: DiscordEmbedField[] = [];
  const add = (name: string, value: string, inline = false) =>
    fields.push({ name, value: cut(value, LIMITS.value), inline });
  if (event.session) add('Session', escape(event.session), true);
  if (event.profiles?.length) add('Profiles', escape(event.profiles.join(', ')), true);
  const expires = Date.parse(event.expiresAt ?? '');
  // Rendered in each reader's own time zone, as "in 12 minutes" or "5 minutes ago".
  if (!Number.isNaN(expires)) add('Expires', `<t:${Math.floor(expires / 1000)}:R>`, true);
  if (event.error) add('Error', escape(event.error));
  if (event.errors?.length) add('Problems', escape(event.errors.join('\n')));
  if (event.command) add('Fix', `\`${event.command}\``);
  // Only a notifier marked `private: true` is ever handed these two.
  if (event.verificationUri) add('Approve the login', event.verificationUri);
  if (event.loginUrl) add('Log in', event.loginUrl);
  if (event.userCode) add('Code', `\`${event.userCode}\``, true);
  return fields;
}

/**
 * One message per event: a one-line `content` for push notifications, and an embed coloured by severity
 * with what happened, the session and profiles, when the token expires, and the command or link that
 * fixes it. `allowed_mentions` is empty so that no text in an event can ping @everyone.
 */
export function buildDiscordMessage(event: SupervisorEvent): DiscordMessage {
  // core's wording, so Discord says what Slack, email and the desktop say.
  const title = cut(summarizeEvent(event).title, LIMITS.title);
  const fields = factFields(event);
  const footer = { text: `sso-supervisor | ${event.type}` };
  const used = fields.reduce(
    (sum, f) => sum + f.name.length + f.value.length,
    title.length + footer.text.length,
  );
  // The message text takes whatever room the title, facts and footer leave.
  const room = Math.min(LIMITS.description, LIMITS.embed - used);
  return {
    content: `[${event.severity.toUpperCase()}] ${escape(title)}`,
    embeds: [
      {
        title,
        description: cut(escape(event.message), room),
        color: COLORS[event.severity] ?? COLORS.info,
        fields,
        footer,
        timestamp: event.time,
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
