import type { SessionSettings } from '../config/supervisor-config';
import type { RefreshResult } from '../engine/refresh-session';
import { LoginWatch } from './login-watch';

/**
 * How long a tick may go without looking at a quiet session's cache file at all: a change the folder
 * watch missed (network file systems, WSL, no inotify slots) is seen within this.
 */
export const RECHECK_MS = 30_000;

export interface QuietInput {
  result: RefreshResult;
  settings: SessionSettings;
  /** When the session's Identity Center login happened, if known: the session-end warning counts from it. */
  loginAt: string | undefined;
  /** Waiting for a person to log in: such a session is never quiet. */
  held: boolean;
  now: number;
}

/**
 * After a pass that found the token fine: until when (epoch ms) ticks may skip; 0 = no skipping. Not
 * past the token's refresh point, nor the start of a registration or session-end warning window, nor
 * RECHECK_MS; never inside a warning window (its once-a-day and once-a-login rules need the passes).
 */
export function quietUntil({ result, settings, loginAt, held, now }: QuietInput): number {
  if (result.outcome !== 'skipped' || held || result.expiresAt === undefined) return 0;
  let until = Math.min(Date.parse(result.expiresAt) - settings.threshold, now + RECHECK_MS);
  const registrationEnd = Date.parse(result.cache?.registrationExpiresAt ?? '');
  const sessionEnd = Date.parse(LoginWatch.sessionEndsAt(settings, loginAt) ?? '');
  for (const [end, ahead] of [
    [registrationEnd, settings.registrationWarning],
    [sessionEnd, settings.sessionWarning],
  ]) {
    if (!(end > now) || !(ahead > 0)) continue;
    if (end - ahead <= now) return 0;
    until = Math.min(until, end - ahead);
  }
  return Number.isNaN(until) ? 0 : until;
}
