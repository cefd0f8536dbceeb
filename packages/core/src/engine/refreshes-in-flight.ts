/**
 * The CreateToken calls on the wire in this process. Once one is sent, the refresh token it carries may be
 * spent at AWS whatever we do, so its answer must reach the cache file: shutdown waits for these (bounded
 * by their request timeout) instead of aborting them, and says what it waits for.
 */
export interface RefreshInFlight {
  /** The sso-session name (or the legacy start URL), as people know it. */
  readonly session: string;
  /** The per-attempt request timeout: how long the answer may still take once shutdown starts. */
  readonly timeoutMs: number;
}

interface Entry extends RefreshInFlight {
  /** Bounds the call from now: it is aborted after `timeoutMs` unless it ends first. */
  finishBy(): void;
}

const inFlight = new Set<Entry>();
const idle: Array<() => void> = [];

/** Registers a call; `abort` cuts it off once the bound set by `finishAll` (or `finishBy`) has passed. */
export function trackRefresh(
  session: string,
  timeoutMs: number,
  abort: () => void,
): { finishBy(): void; done(): void } {
  let timer: NodeJS.Timeout | null = null;
  const entry: Entry = {
    session,
    timeoutMs,
    finishBy() {
      timer ??= setTimeout(abort, timeoutMs);
    },
  };
  inFlight.add(entry);
  return {
    finishBy: entry.finishBy,
    done() {
      if (timer) clearTimeout(timer);
      inFlight.delete(entry);
      if (inFlight.size === 0) for (const resolve of idle.splice(0)) resolve();
    },
  };
}

/** What is on the wire now. */
export function refreshesInFlight(): RefreshInFlight[] {
  return [...inFlight].map(({ session, timeoutMs }) => ({ session, timeoutMs }));
}

/** Shutdown: every call in flight gets its request timeout to answer, then it is cut off. */
export function finishRefreshesInFlight(): void {
  for (const entry of inFlight) entry.finishBy();
}

/** Resolves once no CreateToken is on the wire (at once when none is). */
export function whenNoRefreshInFlight(): Promise<void> {
  if (inFlight.size === 0) return Promise.resolve();
  return new Promise((resolve) => idle.push(resolve));
}
