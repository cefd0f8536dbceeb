import { parseDuration } from './parse-values';
import { firesPerHour } from './schedule-rate';
import type { RawIssue, ConfigIssue } from './config-issues';

const AWS_CLI_REFRESH_MS = 15 * 60_000;

const WHY =
  'threshold is under 15m: the AWS CLI refreshes the token itself once less than 15 minutes remain, ' +
  'and would race the supervisor for a refresh token that may be single-use; use 15m or more (default 20m)';

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * Thresholds that would let the AWS tools refresh first (see docs/aws-facts.md). Read from the raw
 * data, so these warnings appear even while other parts of the file still have errors.
 */
export function thresholdWarnings(data: unknown): RawIssue[] {
  const places: { path: (string | number)[]; value: unknown }[] = [
    { path: ['defaults', 'threshold'], value: record(record(data).defaults).threshold },
  ];
  const sessions = record(data).sessions;
  if (Array.isArray(sessions)) {
    sessions.forEach((entry, index) =>
      places.push({ path: ['sessions', index, 'threshold'], value: record(entry).threshold }),
    );
  }
  return places.flatMap(({ path, value }) => {
    if (value === undefined) return [];
    const result = parseDuration(value);
    return 'ms' in result && result.ms > 0 && result.ms < AWS_CLI_REFRESH_MS ? [{ path, message: WHY }] : [];
  });
}

/** IAM Identity Center issues access tokens for one hour (CreateToken's expiresIn: 3600). */
const TOKEN_LIFETIME_MS = 3_600_000;
const DEFAULT_SCHEDULE = '* * * * *';

function lifetimeWarning(threshold: string, schedule: string): string {
  const calls = firesPerHour(schedule);
  return (
    `threshold ${threshold} is not shorter than the access token's one-hour lifetime, so every check ` +
    `refreshes: about ${calls} CreateToken call${calls === 1 ? '' : 's'} an hour per session on the schedule ` +
    `'${schedule}', where one every ~40 minutes would do; use 20m to 45m`
  );
}

/**
 * Thresholds of an hour or more (a token never lasts longer than that), with what they cost: each check on
 * the schedule becomes a CreateToken call.
 */
export function lifetimeWarnings(data: unknown): RawIssue[] {
  const defaults = record(record(data).defaults);
  const defaultSchedule = typeof defaults.schedule === 'string' ? defaults.schedule : DEFAULT_SCHEDULE;
  const places = [{ path: ['defaults', 'threshold'] as (string | number)[], entry: defaults }];
  const sessions = record(data).sessions;
  if (Array.isArray(sessions))
    sessions.forEach((entry, index) =>
      places.push({ path: ['sessions', index, 'threshold'], entry: record(entry) }),
    );
  return places.flatMap(({ path, entry }) => {
    const result = entry.threshold === undefined ? null : parseDuration(entry.threshold);
    if (!result || !('ms' in result) || result.ms < TOKEN_LIFETIME_MS) return [];
    const schedule = typeof entry.schedule === 'string' ? entry.schedule : defaultSchedule;
    return [{ path, message: lifetimeWarning(String(entry.threshold), schedule) }];
  });
}

// A key whose value is a credential: a literal one in a file others can read is a leak waiting to happen.
const SECRET_LINE = /^(\s*-?\s*)(secret|password|webhookUrl|[A-Za-z]*[Tt]oken)\s*:\s*(?!['"]?\$\{)(['"]?)\S/;

/**
 * Warnings for secrets written literally into a config file that group or others may read. A value taken
 * from the environment (`${NAME}`) is fine wherever the file lives.
 */
export function secretExposureWarnings(file: string, text: string, mode: number): ConfigIssue[] {
  if ((mode & 0o077) === 0) return [];
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  return text.split(/\r?\n/).flatMap((line, i) => {
    const m = SECRET_LINE.exec(line);
    if (!m) return [];
    return [
      {
        file,
        line: i + 1,
        col: m[1].length + 1,
        path: m[2],
        message: `a secret written into a file others can read (mode ${octal}); use \${ENV_VAR} for it, or chmod 600 ${file}`,
      },
    ];
  });
}
