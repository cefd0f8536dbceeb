import { join } from 'node:path';
import { cacheFilePath } from './cached-token';

// Expected digests come from `printf %s VALUE | sha1sum`, not from node:crypto.
describe(cacheFilePath.name, () => {
  const dir = '/home/u/.aws/sso/cache';

  it('hashes the sso-session name, not the start URL, for an sso-session', () => {
    expect(cacheFilePath(dir, { sessionName: 'corp' })).toBe(
      join(dir, 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json'),
    );
  });

  it('hashes the start URL for a legacy profile', () => {
    expect(cacheFilePath(dir, { startUrl: 'https://d-123.awsapps.com/start' })).toBe(
      join(dir, '2b829a45f04c9828cb45b7d092d8e4aa30818393.json'),
    );
  });

  it('does not strip a trailing slash from the start URL', () => {
    expect(cacheFilePath(dir, { startUrl: 'https://d-123.awsapps.com/start/' })).toBe(
      join(dir, '270fcba1ccf36d2fc119c66fd3e85add0d85d6c7.json'),
    );
  });

  it('hashes a non-ASCII session name as UTF-8', () => {
    expect(cacheFilePath(dir, { sessionName: 'café' })).toBe(
      join(dir, 'f424452a9673918c6f09b0cdd35b20be8e6ae7d7.json'),
    );
  });
});
