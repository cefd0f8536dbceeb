import { format, type Logform } from 'winston';
import type { HumanTime } from '../util/human-time';

const MESSAGE = Symbol.for('message');

/**
 * One JSON object per line, time first so `logs` output reads in order. Runs after the redact format, whose
 * output is plain acyclic data, so JSON.stringify cannot throw here.
 */
export function jsonLineFormat(): Logform.Format {
  return format((info) => {
    const { time, level, message, ...fields } = info;
    info[MESSAGE] = JSON.stringify({ time, level, message, ...fields });
    return info;
  })();
}

// Hand-written rather than winston's colorize, whose on/off switch is global and looks at process.stdout,
// not at the stream this logger writes to.
const COLOURS: Record<string, string> = { error: '31', warn: '33', info: '32', debug: '34' };
const BARE = /^[^\s"'=\\]+$/;

export interface HumanLineOptions {
  colour: boolean;
  /** How the ISO `time` field is shown (util/human-time.ts); without it, as written. */
  time?: Pick<HumanTime, 'stamp'>;
}

/** `time LEVEL message key=value ...` for a person at a terminal; stacks follow on their own lines. */
export function humanLineFormat(options: HumanLineOptions): Logform.Format {
  return format((info) => {
    info[MESSAGE] = humanLogLine(info, options);
    return info;
  })();
}

/**
 * One log record (a JSON line of the log file, or winston's info) as a person reads it: the daemon's
 * terminal output and `logs` on a terminal share it.
 */
export function humanLogLine(record: Record<string, unknown>, options: HumanLineOptions): string {
  const { time, level: rawLevel, message, stack, ...fields } = record;
  const level = String(rawLevel ?? '');
  const stacks = typeof stack === 'string' ? [stack] : [];
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${render(value, stacks)}`);
  const label = level.toUpperCase().padEnd(5);
  const shown = options.colour && COLOURS[level] ? `\x1b[${COLOURS[level]}m${label}\x1b[0m` : label;
  const text = typeof message === 'string' ? message : JSON.stringify(message);
  const when = typeof time === 'string' && options.time ? options.time.stamp(time) : time;
  const line = [when, shown, text, ...pairs].filter((part) => part !== undefined && part !== '').join(' ');
  return [line, ...stacks.map((s) => s.replace(/^/gm, '    '))].join('\n');
}

/** An error (already a plain object here) shows as its message; its stack goes below the line. */
function render(value: unknown, stacks: string[]): string {
  if (typeof value === 'string') return BARE.test(value) ? value : JSON.stringify(value);
  if (isErrorLike(value)) {
    stacks.push(value.stack);
    return JSON.stringify(`${value.name}: ${value.message}`);
  }
  return JSON.stringify(value);
}

function isErrorLike(value: unknown): value is { name: string; message: string; stack: string } {
  const v = value as Record<string, unknown> | null;
  return typeof v === 'object' && v !== null && typeof v.message === 'string' && typeof v.stack === 'string';
}
