import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createContext } from './create-context';
import type { Emulator } from './emulator';
import type { EmulatorContext } from './emulator-context';
import type { EmulatorOptions } from './emulator-options';
import { HeldTimers } from './held-timers';
import { seedLogin } from './seed-login';
import { serveRequest } from './serve-request';

const SWEEP_INTERVAL_MS = 1000;

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function sweep(ctx: EmulatorContext): void {
  const now = ctx.now();
  ctx.clients.sweep(now);
  ctx.tokens.sweep(now, (clientId) => ctx.clients.isLive(clientId, now));
  ctx.devices.sweep(now);
  ctx.codes.sweep(now);
}

/** Starts an SSO OIDC + SSO portal emulator on 127.0.0.1. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const ctx = createContext(options);
  const timers = new HeldTimers();
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => void serveRequest(ctx, timers, req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listen(server, options.port ?? 0);
  ctx.url = `http://127.0.0.1:${port}`;
  const sweeper = setInterval(() => sweep(ctx), SWEEP_INTERVAL_MS);
  sweeper.unref();

  return {
    url: ctx.url,
    env: () => ({ AWS_ENDPOINT_URL_SSO_OIDC: ctx.url, AWS_ENDPOINT_URL_SSO: ctx.url }),
    seedLogin: (input) => seedLogin(ctx, input),
    calls: ctx.calls,
    resetCalls() {
      Object.assign(ctx.calls, {
        registerClient: 0,
        startDeviceAuthorization: 0,
        authorize: 0,
        getRoleCredentials: 0,
        invalidGrant: 0,
        refreshByClient: {},
      });
      Object.assign(ctx.calls.createToken, { refresh_token: 0, device_code: 0, authorization_code: 0 });
    },
    injectFault: (target, fault, times = 1) => ctx.faults.add(target, fault, times),
    clearFaults: () => ctx.faults.clear(),
    setLatency(ms) {
      ctx.settings.latencyMs = ms;
    },
    setAccessTokenTtl(seconds) {
      ctx.settings.accessTokenTtlSeconds = seconds;
    },
    revokeRefreshToken: (token) => ctx.tokens.revokeRefreshToken(token),
    revokeAllRefreshTokens: () => ctx.tokens.revokeAllRefreshTokens(),
    expireRegistration: (clientId) => ctx.clients.expire(clientId, ctx.now()),
    pendingDeviceAuthorizations: () => ctx.devices.pending(ctx.now()),
    approveDevice: (userCode) => ctx.devices.decide(userCode, 'approved', ctx.now()),
    denyDevice: (userCode) => ctx.devices.decide(userCode, 'denied', ctx.now()),
    setAuthorizeAnswer(answer) {
      ctx.settings.authorizeAnswer = answer;
    },
    denyRole(accountId, roleName) {
      ctx.deniedRoles.add(`${accountId}/${roleName}`);
    },
    issuedSecrets: () => ctx.secrets.list(),
    stateSize: () => ({
      clients: ctx.clients.size,
      accessTokens: ctx.tokens.accessTokenCount,
      refreshTokens: ctx.tokens.refreshTokenCount,
      deviceAuthorizations: ctx.devices.size,
      authorizationCodes: ctx.codes.size,
    }),
    close() {
      clearInterval(sweeper);
      timers.cancelAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      return closed;
    },
  };
}
