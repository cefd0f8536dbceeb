import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Writes a restJson1 response; `body` may be a pre-rendered string (for malformed and empty faults). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  res.end(payload);
}
