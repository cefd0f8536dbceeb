import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';
import { countCall } from './count-call';
import type { EmulatorContext } from './emulator-context';
import { faultError } from './fault-error';
import { findRoute } from './find-route';
import type { HeldTimers } from './held-timers';
import { readBody } from './read-body';
import { Redirect } from './redirect';
import { sendJson } from './send-json';

function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw ApiError.oidc('InvalidRequestException', 'Request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw ApiError.oidc('InvalidRequestException', 'Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function sendError(res: ServerResponse, error: unknown): void {
  const apiError =
    error instanceof ApiError ? error : ApiError.oidc('InternalServerException', 'Internal error', 500);
  sendJson(res, apiError.status, apiError.body, apiError.headers());
}

/** One request: route, count, wait out latency, apply any injected fault, then answer. */
export async function serveRequest(
  ctx: EmulatorContext,
  timers: HeldTimers,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let clientGone = false;
  res.once('close', () => {
    clientGone = !res.writableEnded;
  });
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = findRoute(req.method, url.pathname);
    const body = parseBody(await readBody(req));
    if (!route)
      throw ApiError.oidc('UnknownOperationException', `No operation at ${req.method} ${url.pathname}`, 404);
    countCall(ctx.calls, route.operation, body);
    const fault = ctx.faults.take(route.operation);
    await timers.wait(ctx.settings.latencyMs);
    if (fault?.kind === 'timeout') await timers.wait(fault.delayMs);
    if (clientGone) return;
    if (fault?.kind === 'reset') return void req.socket.resetAndDestroy();
    if (fault?.kind === 'status') return sendError(res, faultError(route.service, fault));
    if (fault?.kind === 'malformed') return sendJson(res, 200, '{"accessToken": "');
    if (fault?.kind === 'empty') return sendJson(res, 200, '');
    const result = route.handler(ctx, { body, query: url.searchParams, headers: req.headers });
    if (result instanceof Redirect) {
      res.writeHead(302, { location: result.location, 'content-length': 0, 'cache-control': 'no-store' });
      return void res.end();
    }
    if (fault?.kind === 'missing-field') delete result[fault.field];
    sendJson(res, 200, result);
  } catch (error) {
    if (!clientGone) sendError(res, error);
  }
}
