import { askDaemon, FAILURE_CODE_PREFIX, type ControlResults, type Setup } from '@sso-supervisor/core/setup';
import type { CliIo } from './cli-io';

/** What the daemon said, when it said something the command prints as it is. */
export type DaemonSaid<Op extends keyof ControlResults> =
  { ok: true; result: ControlResults[Op] } | { ok: false; kind: string; message: string };

type Body<Op extends keyof ControlResults> = Op extends 'token'
  ? { op: 'token'; session: string }
  : Op extends 'credentials'
    ? { op: 'credentials'; profile: string }
    : Op extends 'refresh'
      ? { op: 'refresh'; sessions: string[]; force: boolean }
      : { op: 'ping' };

/**
 * Asks the running daemon first, so N concurrent calls share its one refresh. null: no daemon answered
 * within ~100 ms, or it answered "do it yourself" (a name its config does not know, an old daemon, a
 * timeout); the command then does the work itself, under the session lock. Loads no AWS SDK.
 */
export async function askDaemonFirst<Op extends 'token' | 'credentials' | 'refresh'>(
  ws: Setup,
  request: Body<Op>,
): Promise<DaemonSaid<Op> | null> {
  const answer = await askDaemon(ws.paths.stateDir, request);
  if (answer.kind === 'no-daemon') return null;
  const { response } = answer;
  if (response.ok) return { ok: true, result: response.result as ControlResults[Op] };
  const { code, message } = response.error;
  if (!code.startsWith(FAILURE_CODE_PREFIX)) return null;
  return { ok: false, kind: code.slice(FAILURE_CODE_PREFIX.length), message };
}

/** A stderr line, once per reason, when a refresh goes on without the cross-process lock. */
export function warnUnlocked(io: CliIo): (problem: { message: string }) => void {
  return (problem) => io.stderr.write(`warning: ${problem.message}\n`);
}
