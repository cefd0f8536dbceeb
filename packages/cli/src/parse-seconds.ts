import { InvalidArgumentError } from 'commander';

/** A commander option parser for a positive number of seconds, returned in milliseconds. */
export function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new InvalidArgumentError('expected a positive number of seconds');
  return seconds * 1000;
}
