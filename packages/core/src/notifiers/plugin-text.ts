import type { SecretRegistry } from '../logging/redaction';

// userinfo of a URL (`https://user:password@host`), and query parameters whose name says secret.
const URL_PASSWORD = /(\b[a-z][\w+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;
const SECRET_PARAM = /([?&][^\s=&#]*(?:token|secret|password|passwd|key|sig|auth)[^\s=&#]*=)[^\s&#]+/gi;
const REDACTED = '[redacted]';

/**
 * Text that plugin code produced (a thrown message, a load failure) on its way to a log line, a report
 * or stdout: the host's known secrets blanked as in every log line, plus what plugin errors typically
 * leak and no registry knows, a password in a URL or a token in a query string.
 */
export function redactPluginText(text: string, secrets?: SecretRegistry): string {
  const known = secrets ? secrets.redact(text) : text;
  return known.replace(URL_PASSWORD, `$1${REDACTED}@`).replace(SECRET_PARAM, `$1${REDACTED}`);
}

const SECRET_KEY = /token|secret|password|passwd|key|webhook|url|uri/i;

/**
 * Option values of a notifier entry that must never be shown: strings under secret-looking keys and
 * every URL (webhook URLs carry their token in the path). Registered with the log's SecretRegistry so
 * a plugin that echoes one in an error or log field is blanked there too.
 */
export function secretOptionValues(options: unknown, key = ''): string[] {
  if (typeof options === 'string')
    return SECRET_KEY.test(key) || /^[a-z][\w+.-]*:\/\//i.test(options) ? [options] : [];
  if (Array.isArray(options)) return options.flatMap((v) => secretOptionValues(v, key));
  if (typeof options !== 'object' || options === null) return [];
  return Object.entries(options).flatMap(([k, v]) => secretOptionValues(v, k));
}
