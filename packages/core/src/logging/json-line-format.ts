import { format, type Logform } from 'winston';

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
