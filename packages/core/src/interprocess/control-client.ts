import { lstat } from 'node:fs/promises';
import { controlPath } from './control-path';
import {
  CONTROL_PROTOCOL_VERSION,
  MAX_RESPONSE_BYTES,
  parseControlLine,
  type ControlRequestBody,
  type ControlResponse,
} from './control-protocol';
import { checkPrivateDir, errorCode, ownedByMe } from './private-dir';

// This file runs on the credential_process hot path: node:net (on use), node:fs and the files beside it,
// nothing else.

export type NoDaemonReason =
  | 'no-socket' // nothing listens: no socket file, or no state dir yet
  | 'refused' // a socket file left by a crash
  | 'timeout' // no ack within timeoutMs: a hung or foreign listener
  | 'answer-timeout' // acked, then no answer within answerTimeoutMs
  | 'closed' // closed before answering (e.g. over the daemon's connection cap)
  | 'not-ours' // the socket belongs to another user
  | 'not-a-socket'
  | 'unsafe-folder' // the state dir is a symlink, another user's, or not a folder
  | 'protocol' // an answer that is not this protocol
  | 'error';

export type DaemonAnswer<Op extends ControlRequestBody['op'] = ControlRequestBody['op']> =
  | { kind: 'answer'; response: ControlResponse<Op> }
  | { kind: 'no-daemon'; reason: NoDaemonReason; message: string };

export interface AskOptions {
  /** Connect, send and get the daemon's ack within this; otherwise do the work without the daemon. */
  timeoutMs?: number;
  /** After the ack, how long the daemon may take (it may be refreshing: the request timeout plus a margin). */
  answerTimeoutMs?: number;
}

export const DEFAULT_ASK_TIMEOUT_MS = 100;
export const DEFAULT_ANSWER_TIMEOUT_MS = 45_000;

/**
 * Asks the daemon for the state dir `stateDir`. Never throws and never hangs: any reason the daemon
 * cannot answer comes back as `no-daemon`, for the caller to do the work itself.
 */
export async function askDaemon<R extends ControlRequestBody>(
  stateDir: string,
  request: R,
  options: AskOptions = {},
): Promise<DaemonAnswer<R['op']>> {
  const { timeoutMs = DEFAULT_ASK_TIMEOUT_MS, answerTimeoutMs = DEFAULT_ANSWER_TIMEOUT_MS } = options;
  const where = controlPath(stateDir);
  if ('error' in where) return noDaemon('error', where.error);
  if (where.kind === 'unix-socket') {
    const problem = await checkSocket(stateDir, where.path);
    if (problem) return problem;
  }
  const line = JSON.stringify({ ...request, v: CONTROL_PROTOCOL_VERSION });
  // Loaded here, not at the top: `status` and a role-cache hit reach this file through the setup entry and
  // never ask the daemon, and node:net is a measurable part of their start.
  const { createConnection } = await import('node:net');
  return exchange(createConnection, where.path, line, timeoutMs, answerTimeoutMs) as Promise<
    DaemonAnswer<R['op']>
  >;
}

async function checkSocket(stateDir: string, path: string): Promise<DaemonAnswer<never> | null> {
  const folder = await checkPrivateDir(stateDir);
  if (folder?.reason === 'missing') return noDaemon('no-socket', `${stateDir} does not exist`);
  if (folder) return noDaemon('unsafe-folder', folder.message);
  try {
    const info = await lstat(path);
    if (!info.isSocket()) return noDaemon('not-a-socket', `${path} is not a socket`);
    if (!ownedByMe(info)) return noDaemon('not-ours', `${path} belongs to uid ${info.uid}, not to this user`);
    return null;
  } catch (error) {
    const code = errorCode(error);
    return noDaemon(code === 'ENOENT' ? 'no-socket' : 'error', `cannot inspect ${path} (${code})`);
  }
}

function exchange(
  createConnection: typeof import('node:net').createConnection,
  path: string,
  line: string,
  timeoutMs: number,
  answerTimeoutMs: number,
): Promise<DaemonAnswer> {
  return new Promise((resolve) => {
    let acked = false;
    let received = Buffer.alloc(0);
    const socket = createConnection(path);
    const finish = (answer: DaemonAnswer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const expire = () =>
      acked
        ? finish(
            noDaemon(
              'answer-timeout',
              `the daemon acknowledged but did not answer within ${answerTimeoutMs} ms`,
            ),
          )
        : finish(noDaemon('timeout', `nothing answered on ${path} within ${timeoutMs} ms`));
    let timer = setTimeout(expire, timeoutMs);
    socket.on('connect', () => socket.write(`${line}\n`));
    socket.on('error', (error) => {
      const code = errorCode(error);
      const reason = code === 'ENOENT' ? 'no-socket' : code === 'ECONNREFUSED' ? 'refused' : 'error';
      finish(noDaemon(reason, `cannot reach the daemon on ${path} (${code})`));
    });
    socket.on('close', () => finish(noDaemon('closed', `the daemon closed ${path} without answering`)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (let end = received.indexOf(10); end >= 0; end = received.indexOf(10)) {
        const parsed = parseControlLine(received.subarray(0, end).toString('utf8'));
        received = received.subarray(end + 1);
        if (!parsed) return finish(noDaemon('protocol', `the daemon on ${path} sent something unreadable`));
        if ('ack' in parsed) {
          acked = true;
          clearTimeout(timer);
          timer = setTimeout(expire, answerTimeoutMs);
          continue;
        }
        return finish({ kind: 'answer', response: parsed });
      }
      if (received.length > MAX_RESPONSE_BYTES)
        finish(noDaemon('protocol', `the daemon's answer is too long`));
    });
  });
}

function noDaemon(reason: NoDaemonReason, message: string): DaemonAnswer<never> {
  return { kind: 'no-daemon', reason, message };
}
