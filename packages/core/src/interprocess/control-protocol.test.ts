import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { controlPath } from './control-path';
import { parseControlLine, parseControlRequest } from './control-protocol';

describe('parseControlRequest', () => {
  it.each([
    ['{"v":1,"op":"token","session":"dev"}', { v: 1, op: 'token', session: 'dev' }],
    ['{"v":1,"op":"credentials","profile":"app"}', { v: 1, op: 'credentials', profile: 'app' }],
    [
      '{"v":1,"op":"refresh","sessions":["a","b"]}',
      { v: 1, op: 'refresh', sessions: ['a', 'b'], force: false },
    ],
    ['{"v":1,"op":"refresh","sessions":[],"force":true}', { v: 1, op: 'refresh', sessions: [], force: true }],
    ['{"v":1,"op":"ping","extra":"ignored"}', { v: 1, op: 'ping' }],
  ])('accepts %s', (line, request) => {
    expect(parseControlRequest(line)).toEqual(request);
  });

  it.each([
    ['not json', 'bad-request'],
    ['[1]', 'bad-request'],
    ['null', 'bad-request'],
    ['{"op":"ping"}', 'unsupported-version'],
    ['{"v":2,"op":"ping"}', 'unsupported-version'],
    ['{"v":1,"op":"shutdown"}', 'unknown-op'],
    ['{"v":1,"op":"token"}', 'bad-request'],
    ['{"v":1,"op":"token","session":""}', 'bad-request'],
    [`{"v":1,"op":"token","session":"${'x'.repeat(257)}"}`, 'bad-request'],
    ['{"v":1,"op":"credentials","profile":7}', 'bad-request'],
    ['{"v":1,"op":"refresh","sessions":"a"}', 'bad-request'],
    ['{"v":1,"op":"refresh","sessions":["a"],"force":"yes"}', 'bad-request'],
  ])('answers %s with %s', (line, code) => {
    expect(parseControlRequest(line)).toMatchObject({ code, retryable: false });
  });

  it('never quotes the request in its message', () => {
    const result = parseControlRequest('{"v":1,"op":"token","session":"","secret":"s3cr3t"}');
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
  });
});

describe('parseControlLine', () => {
  it('reads acks, answers and errors, and nothing else', () => {
    expect(parseControlLine('{"v":1,"ack":true}')).toEqual({ v: 1, ack: true });
    expect(parseControlLine('{"v":1,"ok":true,"result":{"pid":1}}')).toEqual({
      v: 1,
      ok: true,
      result: { pid: 1 },
    });
    expect(parseControlLine('{"v":1,"ok":false,"error":{"code":"x","message":"m"}}')).toEqual({
      v: 1,
      ok: false,
      error: { code: 'x', message: 'm', retryable: false },
    });
    for (const line of ['', 'garbage', '{"v":2,"ack":true}', '{"v":1,"ok":true}', '{"v":1,"ok":false}']) {
      expect(parseControlLine(line)).toBeNull();
    }
  });
});

describe('controlPath', () => {
  it('puts the socket in the state dir, and a named pipe on Windows', () => {
    expect(controlPath('/home/u/.local/state/sso-supervisor', 'linux')).toEqual({
      path: '/home/u/.local/state/sso-supervisor/daemon.sock',
      kind: 'unix-socket',
    });
    const pipe = controlPath('C:\\Users\\u\\AppData\\Local\\sso-supervisor', 'win32');
    expect(pipe).toEqual({
      path: expect.stringMatching(/^\\\\\.\\pipe\\sso-supervisor-[0-9a-f]{16}$/),
      kind: 'named-pipe',
    });
    expect(controlPath('c:\\users\\u\\appdata\\local\\sso-supervisor', 'win32')).toEqual(pipe);
  });

  it('refuses a socket path longer than the OS allows', () => {
    expect(controlPath(`/${'d'.repeat(120)}`, 'linux')).toEqual({
      error: expect.stringContaining('longer than'),
    });
  });
});

describe('control client imports', () => {
  it('loads only node:fs and import-free files at load (node:net on use), for the credential_process hot path', async () => {
    const imports = async (file: string) =>
      [...(await readFile(join(__dirname, file), 'utf8')).matchAll(/^import [^;]*? from '([^']+)';$/gm)]
        .filter((m) => !m[0].startsWith('import type'))
        .map((m) => m[1]);
    expect(await imports('control-client.ts')).toEqual([
      'node:fs/promises',
      './control-path',
      './control-protocol',
      './private-dir',
    ]);
    expect(await imports('control-path.ts')).toEqual(['node:path']);
    expect(await imports('control-protocol.ts')).toEqual([]);
    expect(await imports('private-dir.ts')).toEqual(['node:fs/promises']);
    // status and a role-cache hit load this file through the setup entry and never connect.
    const dynamic = (await readFile(join(__dirname, 'control-client.ts'), 'utf8')).match(
      /await import\('([^']+)'\)/g,
    );
    expect(dynamic).toEqual(["await import('node:net')"]);
  });
});
