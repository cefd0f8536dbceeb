import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import type { Emulator } from './emulator';
import { serveRequest } from './serve-request';
import { startEmulator } from './start-emulator';
import { createOidcClient } from './test-support/create-oidc-client';
import { createSsoClient } from './test-support/create-sso-client';

describe(serveRequest.name, () => {
  let emulator: Emulator;
  let login: ReturnType<Emulator['seedLogin']>;
  beforeEach(async () => {
    emulator = await startEmulator();
    login = emulator.seedLogin({ startUrl: 'https://x.awsapps.com/start', region: 'us-east-1' });
  });
  afterEach(() => emulator.close());

  const refresh = (client = createOidcClient(emulator.url)) =>
    client.send(
      new CreateTokenCommand({
        clientId: login.clientId,
        clientSecret: login.clientSecret,
        grantType: 'refresh_token',
        refreshToken: login.refreshToken,
      }),
    );

  it('serves a status fault with the type AWS sends for it, and Retry-After when asked', async () => {
    emulator.injectFault('createToken', { kind: 'status', status: 500 });
    await expect(refresh()).rejects.toMatchObject({ name: 'InternalServerException', $fault: 'server' });
    emulator.injectFault('createToken', { kind: 'status', status: 429, retryAfterSeconds: 7 });
    const throttled = await refresh().catch(
      (error: { $response?: { headers: Record<string, string> } }) => error,
    );
    expect(throttled).toMatchObject({ name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
    expect(
      (throttled as { $response: { headers: Record<string, string> } }).$response.headers['retry-after'],
    ).toBe('7');
    emulator.injectFault('createToken', { kind: 'status', status: 400, errorType: 'InvalidGrantException' });
    await expect(refresh()).rejects.toMatchObject({ name: 'InvalidGrantException', error: 'invalid_grant' });
  });

  it('leaves state untouched, so the SDK retry after a 500 succeeds with the same refresh token', async () => {
    emulator.injectFault('createToken', { kind: 'status', status: 503 }, 2);
    const client = new SSOOIDCClient({ region: 'us-east-1', endpoint: emulator.url, maxAttempts: 3 });
    const out = await refresh(client);
    expect(out.$metadata.attempts).toBe(3);
    expect(emulator.calls.createToken.refresh_token).toBe(3);
  });

  it('holds a timeout fault past the client timeout and drops the abandoned request', async () => {
    emulator.injectFault('createToken', { kind: 'timeout', delayMs: 600 });
    await expect(refresh(createOidcClient(emulator.url, 150))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    await expect(refresh()).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('serves a held request normally when the client waits', async () => {
    emulator.injectFault('createToken', { kind: 'timeout', delayMs: 300 });
    const started = Date.now();
    await expect(refresh()).resolves.toMatchObject({ tokenType: 'Bearer' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('resets the connection', async () => {
    emulator.injectFault('createToken', { kind: 'reset' });
    await expect(refresh()).rejects.toThrow(/ECONNRESET/);
  });

  it('answers 200 with a truncated or an empty body', async () => {
    emulator.injectFault('createToken', { kind: 'malformed' });
    await expect(refresh()).rejects.toMatchObject({
      name: 'SyntaxError',
      $metadata: { httpStatusCode: 200 },
    });
    emulator.injectFault('createToken', { kind: 'empty' });
    const empty = await refresh();
    expect(empty.accessToken).toBeUndefined();
    expect(empty.$metadata.httpStatusCode).toBe(200);
  });

  it('processes the request but leaves the named field out', async () => {
    emulator.injectFault('createToken', { kind: 'missing-field', field: 'accessToken' });
    const out = await refresh();
    expect(out.accessToken).toBeUndefined();
    expect(out.expiresIn).toBe(3600);
    expect(out.refreshToken).toMatch(/^aor_/);
    emulator.injectFault('createToken', { kind: 'missing-field', field: 'expiresIn' });
    await expect(refresh()).rejects.toMatchObject({ name: 'InvalidGrantException' });
  });

  it('applies * faults to every operation, in order, until cleared', async () => {
    const sso = createSsoClient(emulator.url);
    const getCredentials = () =>
      sso.send(
        new GetRoleCredentialsCommand({ accessToken: login.accessToken, accountId: '1', roleName: 'r' }),
      );
    emulator.injectFault('*', { kind: 'status', status: 401 }, 5);
    await expect(getCredentials()).rejects.toMatchObject({ name: 'UnauthorizedException' });
    await expect(refresh()).rejects.toMatchObject({ name: 'InvalidClientException' });
    emulator.clearFaults();
    await expect(getCredentials()).resolves.toBeDefined();
  });

  it('adds the configured latency to every response', async () => {
    emulator.setLatency(200);
    const started = Date.now();
    await refresh();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('answers unknown paths with 404 UnknownOperationException', async () => {
    const response = await fetch(`${emulator.url}/nowhere`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toMatch(/^UnknownOperationException:/);
  });
});
