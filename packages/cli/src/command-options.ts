import { Command, InvalidArgumentError } from 'commander';

/* Option parsers and argument shapes shared by the command registrations in program.ts. */

// Node's timers hold at most 2^31-1 ms (about 24.8 days); a longer one warns and fires at once.
const MAX_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

/** A commander option parser for a positive number of seconds, returned in milliseconds. */
export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError('expected a positive number of seconds');
  if (seconds > MAX_SECONDS)
    throw new InvalidArgumentError(
      `expected at most ${MAX_SECONDS} seconds (about 24 days); leave --duration out to run until stopped`,
    );
  return seconds * 1000;
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export const SESSION_ARG = 'an sso-session name, or a profile name meaning its session';
export const PROFILE_OPT = '--profile <profile>';

/** `[session]` / `[session...]` plus `--profile P` (repeatable with many): one shape in every command. */
export function sessionChoice(command: Command, many: boolean, fallback: string): Command {
  return many
    ? command
        .argument('[session...]', `${SESSION_ARG}; ${fallback}`)
        .option(`${PROFILE_OPT}`, 'an SSO profile, meaning its session (repeatable)', collect, [])
    : command
        .argument('[session]', `${SESSION_ARG}; ${fallback}`)
        .option(PROFILE_OPT, 'an SSO profile, meaning its session');
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new InvalidArgumentError('expected a port, 1 to 65535');
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}
