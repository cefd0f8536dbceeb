import type { IncomingHttpHeaders } from 'node:http';

export interface HandlerRequest {
  body: Record<string, unknown>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}
