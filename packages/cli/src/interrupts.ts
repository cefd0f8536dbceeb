import type { ShutdownIo } from '@sso-supervisor/core/setup';
import type { CliIo } from './cli-io';

/** Ctrl-C and SIGTERM speak on stderr and end the real process: a CreateToken on the wire outlives neither. */
export function shutdownIo(io: CliIo): ShutdownIo {
  return {
    say: (line) => io.stderr.write(`sso-supervisor: ${line}\n`),
    exit: (code) => process.exit(code),
  };
}

/**
 * Runs a one-shot command that may refresh (`refresh`, `token`, `credentials`) so that a Ctrl-C during
 * CreateToken waits for the answer to be written (engine/shutdown-guard.ts). Loads only the light entry.
 */
export async function withInterruptGuard<T>(io: CliIo, run: () => Promise<T>): Promise<T> {
  const { guardOneShot } = await import('@sso-supervisor/core/setup');
  const unguard = guardOneShot(shutdownIo(io));
  try {
    return await run();
  } finally {
    unguard();
  }
}
