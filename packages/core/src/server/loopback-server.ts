import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { limitConnections } from './connection-limit';

/** The SDKs fetch container credentials over plain HTTP only from loopback; nothing else may be bound. */
export const LOOPBACK_HOSTS = ['127.0.0.1', '::1'] as const;

export interface LoopbackServerOptions {
  /** 0: a free port the system chooses (the same one on both addresses). */
  port: number;
  hosts?: readonly string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Tighter bounds, for tests that must not wait 10 s for a header timeout. */
  limits?: Partial<ServerLimits>;
}

export interface LoopbackServer {
  port: number;
  hosts: string[];
  close(): Promise<void>;
}

/** Bounds against slow or greedy clients: a header dribbled a byte a second is cut off, not waited for. */
const LIMITS = {
  maxHeaderSize: 16 * 1024,
  headersTimeout: 10_000,
  requestTimeout: 15_000,
  keepAliveTimeout: 5_000,
  /** Connections held at once per address; when full, the one idle longest makes room (connection-limit.ts). */
  maxConnections: 256,
};

export type ServerLimits = typeof LIMITS;

export function isLoopback(host: string): boolean {
  return (LOOPBACK_HOSTS as readonly string[]).includes(host);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function makeServer(options: LoopbackServerOptions, sockets: Set<Socket>): Server {
  const limits = { ...LIMITS, ...options.limits };
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderSize,
      requestTimeout: limits.requestTimeout,
      headersTimeout: limits.headersTimeout,
      // How often the two timeouts above are checked (default 30 s, which would let a slow client linger).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeout),
    },
    options.handler,
  );
  server.keepAliveTimeout = limits.keepAliveTimeout;
  limitConnections(server, limits.maxConnections, sockets);
  // An idle connection that never sends a request would otherwise be held until the client gives up.
  server.on('connection', (socket) => socket.setTimeout(limits.requestTimeout, () => socket.destroy()));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}

/**
 * One HTTP server per loopback address, on one port. Refuses any other address. `::1` is skipped when the
 * machine has no IPv6 loopback (a container without IPv6); 127.0.0.1 must bind.
 */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const hosts = options.hosts ?? LOOPBACK_HOSTS;
  const refused = hosts.filter((h) => !isLoopback(h));
  if (refused.length > 0 || hosts.length === 0) {
    throw new Error(
      `the credential broker binds only to ${LOOPBACK_HOSTS.join(' and ')}; refused: ${refused.join(', ') || 'none given'}`,
    );
  }
  const sockets = new Set<Socket>();
  const servers: Server[] = [];
  const bound: string[] = [];
  let port = options.port;
  try {
    for (const host of hosts) {
      const server = makeServer(options, sockets);
      try {
        port = await listen(server, port, host);
      } catch (error) {
        if (host === '::1' && bound.length > 0 && (error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL')
          continue;
        throw error;
      }
      servers.push(server);
      bound.push(host);
    }
  } catch (error) {
    for (const s of servers) s.close();
    throw error;
  }
  return {
    port,
    hosts: bound,
    async close() {
      await Promise.all(
        servers
          .map((s) => new Promise<void>((resolve) => s.close(() => resolve())))
          .concat([...sockets].map(async (socket) => void socket.destroy())),
      );
    },
  };
}
