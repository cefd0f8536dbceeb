import { validateCronExpression } from 'cron';
import { z } from 'zod';
import { EVENT_TYPES } from '../events/event-types';
import { didYouMean } from './did-you-mean';
import { parseDuration } from './parse-duration';
import { parseSize } from './parse-size';

function duration(options: { positive: boolean }) {
  return z.unknown().transform((value, ctx) => {
    const result = parseDuration(value);
    if ('error' in result) ctx.addIssue({ code: 'custom', message: result.error });
    else if (options.positive && result.ms === 0)
      ctx.addIssue({ code: 'custom', message: 'must be more than 0' });
    else return result.ms;
    return z.NEVER;
  });
}

const size = z.unknown().transform((value, ctx) => {
  const result = parseSize(value);
  if ('bytes' in result) return result.bytes;
  ctx.addIssue({ code: 'custom', message: result.error });
  return z.NEVER;
});

const schedule = z.string().superRefine((expression, ctx) => {
  const fields = expression.trim().split(/\s+/).filter(Boolean).length;
  if (fields < 5 || fields > 6) {
    ctx.addIssue({ code: 'custom', message: `expected a cron expression of 5 or 6 fields, got ${fields}` });
    return;
  }
  const { valid, error } = validateCronExpression(expression);
  if (!valid)
    ctx.addIssue({ code: 'custom', message: `invalid cron expression: ${error?.message ?? 'rejected'}` });
});

const wholeNumber = (min: number) =>
  z.int({ error: 'expected a whole number' }).min(min, { error: `must be at least ${min}` });

const text = z.string().min(1, { error: 'must not be empty' });

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
    .strictObject({
      attempts: wholeNumber(1).optional(),
      baseDelay: duration({ positive: false }).optional(),
      maxDelay: duration({ positive: false }).optional(),
    })
    .optional(),
  timeout: duration({ positive: true }).optional(),
};

const session = z
  .strictObject({ name: text.optional(), profile: text.optional(), ...settingsShape })
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
  .looseObject({
    name: text,
    type: text.optional(),
    module: text.optional(),
    events: z.array(eventName).optional(),
    sessions: z.array(text).optional(),
    private: z.boolean().optional(),
    cooldown: duration({ positive: false }).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
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

/** The shape of supervisor.yaml version 1, after `${NAME}` interpolation; durations come out in ms. */
export const configSchema = z.strictObject({
  version: z.literal(1, {
    error: (issue) =>
      issue.input === undefined
        ? 'missing required field; this file format needs `version: 1`'
        : 'unsupported version; this supervisor reads `version: 1`',
  }),
  aws: z.strictObject({ configFile: text.optional(), cacheDir: text.optional() }).optional(),
  stateDir: text.optional(),
  sessions: z.array(session).optional(),
  defaults: z.strictObject(settingsShape).optional(),
  reauth: z
    .strictObject({
      mode: z.enum(['notify', 'device-code']).optional(),
      backoff: duration({ positive: true }).optional(),
    })
    .optional(),
  notifiers: z.array(notifier).optional(),
  log: z
    .strictObject({
      level: z.enum(['error', 'warn', 'info', 'debug']).optional(),
      file: text.optional(),
      maxSize: size.optional(),
      maxFiles: wholeNumber(1).optional(),
    })
    .optional(),
});
