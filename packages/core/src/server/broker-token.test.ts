import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBrokerToken, tokenMatches } from './broker-token';

describe(ensureBrokerToken.name, () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'broker-token-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('makes a 256-bit token 0600 once, and reuses it across restarts', async () => {
    const first = await ensureBrokerToken(join(dir, 'state'));
    expect(first.token).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(first.file)).mode & 0o777).toBe(0o600);
    expect((await ensureBrokerToken(join(dir, 'state'))).token).toBe(first.token);
  });

  it('replaces a file that holds no token of ours', async () => {
    await writeFile(join(dir, 'broker-token'), 'guessable', { mode: 0o644 });
    const { token, file } = await ensureBrokerToken(dir);
    expect(token).not.toBe('guessable');
    expect(await readFile(file, 'utf8')).toBe(token);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe(tokenMatches.name, () => {
  it.each([
    ['abcd', 'abcd', true],
    ['abcd', 'abce', false],
    ['abcd', 'abc', false],
    ['abcd', 'abcde', false],
    ['abcd', '', false],
  ])('%s vs %s: %s', (expected, given, result) => {
    expect(tokenMatches(expected, given)).toBe(result);
  });
});
