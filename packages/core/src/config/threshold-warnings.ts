import { parseDuration } from './parse-duration';
import type { RawIssue } from './raw-issue';

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
