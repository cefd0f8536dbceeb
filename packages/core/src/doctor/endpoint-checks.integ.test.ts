import { createServer, type Server, type Socket, type AddressInfo } from 'node:net';
import { startEmulator, type Emulator } from '@sso-supervisor/emulator';
import { probeEndpoint } from './endpoint-checks';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

describe('probeEndpoint', () => {
  let emulator: Emulator;
  beforeAll(async () => (emulator = await startEmulator()));
  afterAll(() => emulator.close());

  it('calls any HTTP answer reachable and returns the server’s Date', async () => {
    const result = await probeEndpoint(emulator.url, 2000);
    expect(result).toMatchObject({ reachable: true, status: expect.any(Number), date: expect.any(Date) });
    const { date } = result as { date: Date };
    expect(Math.abs(date.getTime() - Date.now())).toBeLessThan(2000);
  });

  it('reports a refused connection', async () => {
    const server = createServer();
    const port = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    expect(await probeEndpoint(`http://127.0.0.1:${port}`, 2000)).toMatchObject({
      reachable: false,
      error: 'ECONNREFUSED',
    });
  });

  it('gives up on a server that never answers after the timeout', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    const port = await listen(server);
    try {
      const result = await probeEndpoint(`http://127.0.0.1:${port}`, 200);
      expect(result).toMatchObject({ reachable: false, error: 'ECONNABORTED' });
      expect(result.ms).toBeGreaterThanOrEqual(190);
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
