import { removeOpenTempFilesSync } from '../cache/write-cached-token';
import {
  finishRefreshesInFlight,
  refreshesInFlight,
  whenNoRefreshInFlight,
  type RefreshInFlight,
} from './refreshes-in-flight';

/** Where the guard speaks and how it ends the process; tests pass their own. */
export interface ShutdownIo {
  say(line: string): void;
  exit(code: number): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type StopSignal = (typeof SIGNALS)[number];
/** The shell's convention: 128 + the signal number. */
const EXIT_CODE: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

function names(list: RefreshInFlight[]): string {
  return [...new Set(list.map((r) => r.session))].join(', ');
}

/** `waiting for the refresh of corp to finish (up to 15 s); Ctrl-C again to abandon it` */
export function waitingLine(list: RefreshInFlight[]): string {
  const seconds = Math.ceil(Math.max(...list.map((r) => r.timeoutMs)) / 1000);
  const what = list.length === 1 ? 'the refresh' : 'the refreshes';
  return `waiting for ${what} of ${names(list)} to finish (up to ${seconds} s); Ctrl-C again to abandon it`;
}

/** `abandoning: the refresh token of corp may be spent; you may need to log in again` */
export function abandonLine(list: RefreshInFlight[]): string {
  const what = list.length === 1 ? 'the refresh token' : 'the refresh tokens';
  return `abandoning: ${what} of ${names(list)} may be spent; you may need to log in again`;
}

function listen(handler: (signal: StopSignal) => void): () => void {
  for (const signal of SIGNALS) process.once(signal, handler);
  return () => {
    for (const signal of SIGNALS) process.off(signal, handler);
  };
}

/**
 * The process is stopping (a first Ctrl-C or SIGTERM, or `run --duration` ending): says at once which
 * refreshes are still on the wire, bounds each by its request timeout, and makes the next signal abandon
 * them, saying what that costs and removing our temp files before exiting. Returns the un-install.
 */
export function holdForRefreshes(io: ShutdownIo): () => void {
  const pending = refreshesInFlight();
  if (pending.length > 0) io.say(waitingLine(pending));
  finishRefreshesInFlight();
  return listen((signal) => {
    const still = refreshesInFlight();
    if (still.length > 0) io.say(abandonLine(still));
    removeOpenTempFilesSync();
    io.exit(EXIT_CODE[signal]);
  });
}

/**
 * For one-shot commands (`refresh`, `token`, `credentials`): a first signal exits at once when no
 * CreateToken is on the wire; otherwise it waits for the answer to be written (see holdForRefreshes) and
 * exits then. Returns the un-install, for the command's normal end.
 */
export function guardOneShot(io: ShutdownIo): () => void {
  let unhold = () => {};
  const unlisten = listen((signal) => {
    unlisten();
    if (refreshesInFlight().length === 0) {
      removeOpenTempFilesSync();
      io.exit(EXIT_CODE[signal]);
      return;
    }
    unhold = holdForRefreshes(io);
    void whenNoRefreshInFlight().then(() => io.exit(EXIT_CODE[signal]));
  });
  return () => {
    unlisten();
    unhold();
  };
}
