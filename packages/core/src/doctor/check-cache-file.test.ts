import { sampleSession } from '../test-support/sample-session';
import { sampleToken } from '../test-support/sample-token';
import { checkCacheFile } from './check-cache-file';

const session = sampleSession('/cache', 'corp');
const ok = { status: 'ok' as const, token: sampleToken(new Date()), raw: '{}' };

describe(checkCacheFile.name, () => {
  it('passes for a valid 0600 file', () => {
    expect(checkCacheFile(session, ok, 0o100600)).toMatchObject({ status: 'pass', title: 'cache file corp' });
  });

  it('passes where modes mean nothing', () => {
    expect(checkCacheFile(session, ok, null).status).toBe('pass');
  });

  it('warns when others can read the token, with the chmod', () => {
    expect(checkCacheFile(session, ok, 0o100644)).toMatchObject({
      status: 'warn',
      detail: `${session.cacheFile} is mode 0644: other users can read the token`,
      fix: `chmod 600 ${session.cacheFile}`,
    });
  });

  it('fails for a missing file with the login command', () => {
    expect(checkCacheFile(session, { status: 'missing', raw: null }, null)).toMatchObject({
      status: 'fail',
      fix: 'run aws sso login --sso-session corp',
    });
  });

  it('fails for an invalid file with the reader’s message', () => {
    const read = { status: 'invalid' as const, message: `${session.cacheFile}: is empty`, raw: '' };
    expect(checkCacheFile(session, read, 0o100600)).toMatchObject({
      status: 'fail',
      detail: `${session.cacheFile}: is empty`,
    });
  });
});
