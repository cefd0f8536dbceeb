import type * as Cron from 'cron';
import { z } from 'zod';
import { EVENT_TYPES } from '../events/supervisor-event';
import { didYouMean } from './error-wording';
import type { SessionSettings } from './supervisor-config';
import { parseDuration, parseSize } from './parse-values';
import { firesAtAll } from './schedule-rate';

/** A ceiling for a duration, with why: a retry or call this long would outlast the token it serves. */
interface Ceiling {
  ms: number;
  text: string;
  why: string;
}

const MINUTE = 60_000;
// Retries and calls of one refresh must end well inside the 20 minutes a due token has left.
const CALL_CEILING: Ceiling = { ms: 5 * MINUTE, text: '5m', why: 'one call waits this long at most' };
const BASE_CEILING: Ceiling = { ms: MINUTE, text: '1m', why: 'the first retry waits this long' };
const MAX_CEILING: Ceiling = { ms: 5 * MINUTE, text: '5m', why: 'every retry waits up to this long' };
const MAX_ATTEMPTS = 10;

function duration(options: { positive: boolean; max?: Ceiling }) {
  return z.unknown().transform((value, ctx) => {
    const result = parseDuration(value);
    const { max } = options;
    // Fatal: the entry's own checks (`name` or `profile`) wait until this value is right.
    if ('error' in result) ctx.addIssue({ code: 'custom', message: result.error, fatal: true });
    else if (options.positive && result.ms === 0)
      ctx.addIssue({ code: 'custom', message: 'must be more than 0', fatal: true });
    else if (max && result.ms > max.ms)
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${max.text} (${max.why}, while the token runs out)`,
        fatal: true,
      });
    else return result.ms;
    return z.NEVER;
  });
}

const size = z.unknown().transform((value, ctx) => {
  const result = parseSize(value);
  if ('bytes' in result) return result.bytes;
  ctx.addIssue({ code: 'custom', message: result.error, fatal: true });
  return z.NEVER;
});

// The nicknames the cron package accepts itself (its PRESETS), as crontab(5) has them.
const CRON_NICKNAMES = [
  '@yearly',
  '@monthly',
  '@weekly',
  '@daily',
  '@hourly',
  '@minutely',
  '@secondly',
  '@weekdays',
  '@weekends',
];

function nicknameIssue(expression: string): string | undefined {
  if (CRON_NICKNAMES.includes(expression)) return undefined;
  const guess = didYouMean(expression, CRON_NICKNAMES);
  return guess
    ? `unknown cron nickname, did you mean \`${guess}\`?`
    : `unknown cron nickname; use one of ${CRON_NICKNAMES.join(', ')}, or 5 or 6 cron fields`;
}

const schedule = z.string().superRefine((expression, ctx) => {
  const trimmed = expression.trim();
  if (trimmed.startsWith('@')) {
    const message = nicknameIssue(trimmed);
    if (message) ctx.addIssue({ code: 'custom', message });
    return;
  }
  const fields = trimmed.split(/\s+/).filter(Boolean).length;
  if (fields < 5 || fields > 6) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a cron expression of 5 or 6 fields or a nickname such as @hourly, got ${fields} field${fields === 1 ? '' : 's'}`,
    });
    return;
  }
  // cron (and luxon under it) loads only when a file sets a schedule: `status` reads the config too.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { validateCronExpression } = require('cron') as typeof Cron;
  const { valid, error } = validateCronExpression(expression);
  if (!valid)
    ctx.addIssue({ code: 'custom', message: `invalid cron expression: ${error?.message ?? 'rejected'}` });
  else if (!firesAtAll(expression))
    ctx.addIssue({
      code: 'custom',
      message:
        'this schedule never fires (no date matches it in the next 8 years), so the session would never be checked',
    });
});

const WHOLE_NUMBER = 'expected a whole number';

// Not .int().min(): a fraction is fatal like a bad duration, and gets one message, not two.
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.number({ message: WHOLE_NUMBER }).superRefine((n, ctx) => {
    if (!Number.isInteger(n)) {
      ctx.addIssue({ code: 'custom', message: WHOLE_NUMBER, fatal: true });
      return;
    }
    if (!Number.isSafeInteger(n)) ctx.addIssue({ code: 'custom', message: WHOLE_NUMBER });
    if (n < min) ctx.addIssue({ code: 'custom', message: `must be at least ${min}` });
    if (n > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max}` });
  });

const text = z.string().min(1, 'must not be empty');

// Worded as plainErrorMap words an enum, for a value of any type, not only a wrong string.
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    errorMap: (_issue, ctx) => ({
      message:
        ctx.data === undefined
          ? 'missing required field'
          : `Invalid option: expected one of ${values.map((v) => `"${v}"`).join('|')}`,
    }),
  });

const eventName = z.string().superRefine((event, ctx) => {
  if (event === '*' || (EVENT_TYPES as readonly string[]).includes(event)) return;
  const guess = didYouMean(event, EVENT_TYPES);
  ctx.addIssue({
    code: 'custom',
    message: guess
      ? `unknown event type, did you mean \`${guess}\`?`
      : `unknown event type; use "*" or one of ${EVENT_TYPES.join(', ')}`,
  });
});

const settingsShape = {
  schedule: schedule.optional(),
  threshold: duration({ positive: true }).optional(),
  retry: z
    .object({
      attempts: wholeNumber(1, MAX_ATTEMPTS).optional(),
      baseDelay: duration({ positive: false, max: BASE_CEILING }).optional(),
      maxDelay: duration({ positive: false, max: MAX_CEILING }).optional(),
    })
    .strict()
    .optional(),
  timeout: duration({ positive: true, max: CALL_CEILING }).optional(),
  sessionDuration: duration({ positive: true }).optional(),
  registrationWarning: duration({ positive: false }).optional(),
  sessionWarning: duration({ positive: false }).optional(),
  reauth: z
    .object({ remind: duration({ positive: false }) })
    .strict()
    .optional(),
  credentialsRenewBefore: duration({ positive: false }).optional(),
} satisfies Record<keyof SessionSettings, z.ZodTypeAny>;

const session = z
  .object({ name: text.optional(), profile: text.optional(), ...settingsShape })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.name === undefined && entry.profile === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'give `name` (an sso-session) or `profile` (a legacy SSO profile)',
      });
    } else if (entry.name !== undefined && entry.profile !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['profile'],
        message: 'give either `name` or `profile`, not both',
      });
    }
  });

// Loose: every key that is not one of these is the notifier's own option (see buildNotifierEntries).
const notifier = z
  .object({
    name: text,
    type: text.optional(),
    module: text.optional(),
    events: z.array(eventName).optional(),
    sessions: z.array(text).optional(),
    private: z.boolean().optional(),
    cooldown: duration({ positive: false }).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough()
  .superRefine((entry, ctx) => {
    if (entry.type === undefined && entry.module === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'give `type` (a built-in notifier) or `module` (a custom one)',
      });
    } else if (entry.type !== undefined && entry.module !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['module'], message: 'give either `type` or `module`, not both' });
    }
  });

// A section name goes between brackets on a line of its own: a bracket or line break would end it early.
const sectionName = text.regex(/^[^[\]\r\n]+$/, 'must not contain `[`, `]` or a line break');

const exportEntry = z
  .object({
    profile: text,
    path: text,
    format: oneOf(['dotenv', 'credentials']),
    section: sectionName.optional(),
    renewBefore: duration({ positive: true }).optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.section !== undefined && entry.format !== 'credentials') {
      ctx.addIssue({
        code: 'custom',
        path: ['section'],
        message: 'only for `format: credentials`; a dotenv file has no sections',
      });
    }
  });

/** The shape of supervisor.yaml version 1, after `${NAME}` interpolation; durations come out in ms. */
export const configSchema = z
  .object({
    version: z.literal(1, {
      errorMap: (_issue, ctx) => ({
        message:
          ctx.data === undefined
            ? 'missing required field; this file format needs `version: 1`'
            : 'unsupported version; this supervisor reads `version: 1`',
      }),
    }),
    aws: z.object({ configFile: text.optional(), cacheDir: text.optional() }).strict().optional(),
    stateDir: text.optional(),
    sessions: z.array(session).optional(),
    defaults: z.object(settingsShape).strict().optional(),
    reauth: z
      .object({
        mode: oneOf(['notify', 'device-code', 'browser']).optional(),
        backoff: duration({ positive: true }).optional(),
        /** The default of every session's `reauth.remind`. */
        remind: duration({ positive: false }).optional(),
      })
      .strict()
      .optional(),
    notifiers: z.array(notifier).optional(),
    exports: z.array(exportEntry).optional(),
    server: z
      .object({
        enabled: z.boolean().optional(),
        port: wholeNumber(0)
          .refine((n) => n <= 65535, { message: 'must be a port number, 0 to 65535 (0: any free port)' })
          .optional(),
      })
      .strict()
      .optional(),
    log: z
      .object({
        level: oneOf(['error', 'warn', 'info', 'debug']).optional(),
        file: text.optional(),
        maxSize: size.optional(),
        maxFiles: wholeNumber(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
