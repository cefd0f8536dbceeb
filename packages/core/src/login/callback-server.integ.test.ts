import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCallbackServer, type CallbackServer } from './callback-server';

const STATE = 'f0e1d2c3-aaaa-4bbb-8ccc-000000000001';

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** A GET with a Host header of our choosing, which fetch does not allow. */
function getWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/oauth/callback?code=c&state=${STATE}`, headers: { host } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe(startCallbackServer.name, () => {
  let server: CallbackServer;
  const start = async (timeoutMs = 5000, port?: number) => {
    server = await startCallbackServer({ expectedState: STATE, timeoutMs, port });
    return server;
  };
  afterEach(() => server?.close());

  it('binds 127.0.0.1 only, and settles on the right callback with a success page', async () => {
    await start();
    expect(server.redirectUri).toBe(`http://127.0.0.1:${server.port}/oauth/callback`);
    const page = await get(`${server.redirectUri}?code=the-code&state=${STATE}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Signed in');
    expect(page.body).not.toContain('the-code');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    await expect(server.code).resolves.toBe('the-code');
    // Any other local address on this machine is refused (not listening there).
    await expect(fetch(`http://127.0.0.2:${server.port}/oauth/callback`)).rejects.toThrow();
  });

  it('keeps waiting through a wrong state, missing or extra parameters, and says so in the page', async () => {
    await start();
    for (const query of ['?code=c&state=wrong', '?code=c', `?state=${STATE}`, `?code=c&state=${STATE}&x=1`]) {
      const page = await get(`${server.redirectUri}${query}`);
      expect(page.status).toBe(400);
      expect(page.body).toContain('still waiting');
    }
    expect(server.rejected().count).toBe(4);
    await get(`${server.redirectUri}?code=real&state=${STATE}`);
    await expect(server.code).resolves.toBe('real');
  });

  it('ends as denied on error=access_denied with this state', async () => {
    await start();
    const page = await get(
      `${server.redirectUri}?error=access_denied&error_description=User%20said%20no&state=${STATE}`,
    );
    expect(page.body).toContain('Sign-in refused');
    await expect(server.code).rejects.toMatchObject({
      reason: 'denied',
      message: expect.stringContaining('User said no'),
    });
  });

  it('answers a second tab or a reload with "already finished", keeping the first code', async () => {
    await start();
    await get(`${server.redirectUri}?code=first&state=${STATE}`);
    const again = await get(`${server.redirectUri}?code=second&state=${STATE}`);
    expect(again.body).toContain('Already finished');
    await expect(server.code).resolves.toBe('first');
  });

  it('survives a flood of 500 bogus callbacks and still takes the real one', async () => {
    await start(20_000);
    const flood = Array.from({ length: 500 }, (_, i) =>
      fetch(`${server.redirectUri}?code=x${i}&state=guess${i}`)
        .then((r) => r.text())
        .catch(() => 'dropped'),
    );
    await Promise.all(flood);
    const page = await get(`${server.redirectUri}?code=real&state=${STATE}`);
    expect(page.status).toBe(200);
    await expect(server.code).resolves.toBe('real');
    expect(server.rejected().reasons.length).toBeLessThanOrEqual(5);
  });

  it('refuses requests naming another Host (DNS rebinding) and methods other than GET', async () => {
    await start();
    expect(await getWithHost(server.port, 'evil.example')).toBe(400);
    expect((await fetch(`${server.redirectUri}?code=c&state=${STATE}`, { method: 'POST' })).status).toBe(405);
    expect(await getWithHost(server.port, `localhost:${server.port}`)).toBe(200);
    await expect(server.code).resolves.toBe('c');
  });

  it('times out when nobody finishes, naming what was refused', async () => {
    await start(300);
    await get(`${server.redirectUri}?code=c&state=nope`);
    await expect(server.code).rejects.toMatchObject({
      reason: 'timeout',
      message: expect.stringMatching(
        /within 0s; 1 callback\(s\) were refused, last because the state does not match/,
      ),
    });
  });

  it('fails clearly when the port is taken', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    await expect(startCallbackServer({ expectedState: STATE, timeoutMs: 1000, port })).rejects.toMatchObject({
      reason: 'port_in_use',
      message: expect.stringContaining(`port ${port} on 127.0.0.1 is in use`),
    });
    await new Promise((resolve) => other.close(resolve));
  });

  it('ends as aborted when the signal fires', async () => {
    const controller = new AbortController();
    server = await startCallbackServer({ expectedState: STATE, timeoutMs: 5000, signal: controller.signal });
    controller.abort();
    await expect(server.code).rejects.toMatchObject({ reason: 'aborted' });
  });
});
