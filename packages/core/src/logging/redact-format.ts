import { format, type Logform } from 'winston';
import { redactValue } from './redact-value';
import type { SecretRegistry } from './secret-registry';

const SPLAT = Symbol.for('splat');
const OWN = new Set(['level', 'message', 'stack']);

/**
 * The one place secrets leave log entries: every field (nested, in errors, under secret-looking keys) and
 * every string (message, stack) on its way to any transport. The result is a fresh plain object, so a
 * transport never sees the caller's objects, and the raw splat arguments are dropped for the same reason.
 */
export function redactFormat(secrets: SecretRegistry): Logform.Format {
  return format((info) => {
    const out: Logform.TransformableInfo = { level: info.level, message: '' };
    for (const symbol of Object.getOwnPropertySymbols(info)) {
      const value = info[symbol];
      if (symbol !== SPLAT) out[symbol] = typeof value === 'string' ? secrets.redact(value) : value;
    }
    // `logger.error(err)` makes the Error itself the entry; its message and stack are not enumerable.
    let { message, stack } = info as { message: unknown; stack?: unknown };
    if (message instanceof Error) {
      stack ??= message.stack;
      message = message.message;
    }
    out.message = typeof message === 'string' ? secrets.redact(message) : redactValue(message, secrets);
    const rest = Object.fromEntries(Object.entries(info).filter(([key]) => !OWN.has(key)));
    Object.assign(out, redactValue(rest, secrets));
    if (typeof stack === 'string') out.stack = secrets.redact(stack);
    return out;
  })();
}
