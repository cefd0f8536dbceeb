import {
  askBroker,
  findDaemonBroker,
  type BrokerEndpoint,
  type BrokerReply,
  type Setup,
} from '@sso-supervisor/core/setup';
import type { Logger } from '@sso-supervisor/core';
import type { CliIo } from '../cli-io';
import { warnUnlocked } from '../daemon-first';

/** The broker a job is sent to, and its first answer for the profile: the check that it can serve. */
export interface JobBroker {
  endpoint: BrokerEndpoint;
  reply: BrokerReply;
  /** The daemon's pid, or undefined when the broker is this process's own. */
  daemonPid?: number;
  /** From now on, the own broker's problems (a login needed mid-job) are said on stderr. */
  speak(): void;
  /** Stops this process's own broker; nothing for the daemon's. */
  stop(): Promise<void>;
}

/** Problems the own broker meets while the job runs, on stderr once each until it serves again. */
function stderrLogger(io: CliIo, speaking: () => boolean): Logger {
  let last = '';
  const say = (message: string, fields?: Record<string, unknown>) => {
    if (!speaking()) return;
    const line = `sso-supervisor: ${String(fields?.problem ?? fields?.error ?? message)}\n`;
    if (line !== last) io.stderr.write(line);
    last = line;
  };
  return { error: say, warn: say, info: () => undefined, debug: () => (last = '') };
}

/**
 * The running daemon's broker when it serves the profile; otherwise one in this process, on a free
 * loopback port and not announced in `server.json`, through the same core code (one refresher, the
 * role cache and the session locks in the state dir).
 */
export async function openJobBroker(ws: Setup, io: CliIo, profile: string): Promise<JobBroker> {
  const { stateDir } = ws.paths;
  const daemon = await findDaemonBroker(stateDir);
  if (daemon) {
    const reply = await askBroker(daemon, profile);
    if (reply.status === 'unreachable') {
      io.stderr.write(
        `warning: the daemon's broker (pid ${daemon.pid}) does not answer (${reply.problem}); serving ${profile} from here\n`,
      );
    } else if (reply.status !== 404) {
      return {
        endpoint: daemon,
        reply,
        daemonPid: daemon.pid,
        speak: () => undefined,
        stop: async () => undefined,
      };
    } else {
      io.stderr.write(
        `warning: the daemon's broker (pid ${daemon.pid}) does not know ${profile} (another config?); serving it from here\n`,
      );
    }
  }
  const core = await import('@sso-supervisor/core');
  const refresher = new core.SessionRefresher(undefined, undefined, {
    stateDir,
    onUnlocked: warnUnlocked(io),
  });
  let speaking = false;
  const broker = new core.CredentialsBroker({ stateDir, setup: () => ws, refresher });
  const own = await core
    .startBroker({ stateDir, port: 0, broker, logger: stderrLogger(io, () => speaking), announce: false })
    .catch((error: unknown) => {
      refresher.destroy();
      throw error;
    });
  const reply = await askBroker(own, profile);
  let stopped: Promise<void> | undefined;
  return {
    endpoint: own,
    reply,
    speak: () => void (speaking = true),
    stop() {
      stopped ??= own.stop().finally(() => refresher.destroy());
      return stopped;
    },
  };
}
