import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from '../state/lock-file';
import { BROKER_TOKEN_FILE } from './broker-token';
import { credentialsUri } from './broker-env';
import { readServerFile } from './server-file';

/** A broker to send a job to: where it listens and the token it wants. */
export interface BrokerEndpoint {
  port: number;
  token: string;
  tokenFile: string;
}

/**
 * The running daemon's broker, from `server.json` and `broker-token` in the state dir; null when no daemon
 * runs there, it serves no broker, or it left a file behind when it died.
 */
export async function findDaemonBroker(stateDir: string): Promise<(BrokerEndpoint & { pid: number }) | null> {
  const info = await readServerFile(stateDir);
  if (!info || !isProcessAlive(info.pid)) return null;
  const tokenFile = join(stateDir, BROKER_TOKEN_FILE);
  const token = await readFile(tokenFile, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  return /^[0-9a-f]{64}$/.test(token) ? { port: info.port, token, tokenFile, pid: info.pid } : null;
}

/** The broker's answer to one GET, or `unreachable` when nobody answered. */
export type BrokerReply =
  { status: number; body: Record<string, string> } | { status: 'unreachable'; problem: string };

/** One GET of a profile's credentials, as an SDK would send it. */
export async function askBroker(
  endpoint: BrokerEndpoint,
  profile: string,
  timeoutMs = 60_000,
): Promise<BrokerReply> {
  // Loaded on use: this file is in the setup entry, which `status` and `credentials` load, and node:http
  // is a measurable part of their start.
  const { request } = await import('node:http');
  return new Promise((resolve) => {
    const req = request(
      credentialsUri(endpoint.port, profile),
      { headers: { authorization: endpoint.token }, timeout: timeoutMs },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          let body: Record<string, string>;
          try {
            body = JSON.parse(text) as Record<string, string>;
          } catch {
            body = { Message: `an answer that is not JSON (HTTP ${res.statusCode})` };
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 'unreachable', problem: error.code ?? error.message }),
    );
    req.end();
  });
}
