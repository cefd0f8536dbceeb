import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Holds at most `limit` connections on `server`. When it is full, the connection idle longest (no request
 * of its own in progress: a client that connected and went quiet, or one still dribbling its headers) is
 * closed to make room, so a thousand idle connections cannot lock a real client out; only when every
 * connection is busy is the newcomer refused. Node's own `maxConnections` refuses the newcomer always.
 */
export function limitConnections(server: Server, limit: number, sockets: Set<Socket>): void {
  // Insertion order is idle order: a connection going idle again is moved to the end.
  const idle = new Set<Socket>();
  let held = 0;
  server.on('connection', (socket: Socket) => {
    held += 1;
    sockets.add(socket);
    idle.add(socket);
    socket.once('close', () => {
      held -= 1;
      sockets.delete(socket);
      idle.delete(socket);
    });
    if (held > limit) idle.values().next().value?.destroy();
  });
  server.on('request', (req, res) => {
    const { socket } = req;
    idle.delete(socket);
    res.once('finish', () => {
      if (!socket.destroyed) idle.add(socket);
    });
  });
}
