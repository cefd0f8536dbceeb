/** How hard to try one refresh. All durations in milliseconds. */
export interface RetrySettings {
  attempts: number;
  baseDelay: number;
  maxDelay: number;
  /** Per attempt. */
  timeout: number;
}

export const DEFAULT_RETRY: RetrySettings = { attempts: 4, baseDelay: 2000, maxDelay: 60000, timeout: 15000 };

/** Exponential backoff with "equal jitter": half fixed, half random, so many sessions do not retry in step. */
export function backoffDelay(
  attempt: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(settings.maxDelay, settings.baseDelay * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
