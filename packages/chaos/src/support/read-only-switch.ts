import { chmod } from 'node:fs/promises';
import { CLI_BIN } from '@sso-supervisor/cli/testing';
import { fsFaultPreload } from './fs-fault-preload';
import { runTool } from './run-tool';

export interface ReadOnlySwitch {
  /** How the folder is made read-only on this machine, for the report. */
  mechanism: string;
  /** How to start the daemon: a program that execs node (setpriv), node flags and environment (the preload). */
  prefix: string[];
  nodeArgs: string[];
  env: Record<string, string>;
  on(): Promise<void>;
  off(): Promise<void>;
}

const NOBODY = '65534';
const AS_NOBODY = ['setpriv', '--reuid', NOBODY, '--regid', NOBODY, '--clear-groups', '--'];
const MECHANISMS = ['chmod', 'bind', 'setpriv', 'preload'];

async function must(step: Promise<string | null>): Promise<void> {
  const error = await step;
  if (error) throw new Error(error);
}

/** The first way to make a folder read-only that works here; probes undo what they did. */
async function pick(dir: string): Promise<string> {
  if (process.getuid?.() !== 0) return 'chmod';
  if ((await runTool('mount', ['--bind', dir, dir])) === null) {
    await must(runTool('umount', ['--lazy', dir]));
    return 'bind';
  }
  // uid 65534 must be able to run the CLI where the repository lives (not under /root, say).
  if ((await runTool(AS_NOBODY[0], [...AS_NOBODY.slice(1), process.execPath, CLI_BIN, '--help'])) === null)
    return 'setpriv';
  return 'preload';
}

/**
 * Makes `dir` read-only for the daemon and writable again. Mode bits do not stop root, so as root the folder
 * is bind-mounted read-only over itself (EROFS); where mounting is not allowed, the daemon runs as uid 65534
 * via setpriv on a world it owns and the folder loses its write bit (EACCES); failing that, a preload fails
 * writes there with EROFS. Unprivileged, the write bit is enough. CHAOS_READONLY=chmod|bind|setpriv|preload
 * forces one.
 */
export async function readOnlySwitch(dir: string, worldDir: string): Promise<ReadOnlySwitch> {
  const mechanism = process.env.CHAOS_READONLY || (await pick(dir));
  if (!MECHANISMS.includes(mechanism))
    throw new Error(`CHAOS_READONLY must be one of ${MECHANISMS.join(', ')}, got ${mechanism}`);
  const plain = { prefix: [], nodeArgs: [], env: {} };
  const modeBits = { on: () => chmod(dir, 0o500), off: () => chmod(dir, 0o700) };
  if (mechanism === 'chmod') return { mechanism: 'chmod 0500 (unprivileged)', ...plain, ...modeBits };
  if (mechanism === 'setpriv') {
    await must(runTool('chown', ['-R', `${NOBODY}:${NOBODY}`, worldDir]));
    return {
      mechanism: `daemon as uid ${NOBODY} (setpriv), chmod 0500`,
      ...plain,
      prefix: AS_NOBODY,
      ...modeBits,
    };
  }
  if (mechanism === 'preload') {
    return {
      mechanism: 'EROFS injected by a --require preload',
      prefix: [],
      ...fsFaultPreload(dir, worldDir, 'EROFS'),
    };
  }
  let mounted = false;
  return {
    mechanism: 'read-only bind mount',
    ...plain,
    async on() {
      await must(runTool('mount', ['--bind', dir, dir]));
      mounted = true;
      await must(runTool('mount', ['-o', 'remount,bind,ro', dir]));
    },
    async off() {
      if (mounted) await must(runTool('umount', ['--lazy', dir]));
      mounted = false;
    },
  };
}
