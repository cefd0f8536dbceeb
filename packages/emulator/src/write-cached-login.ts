import { writeFile } from 'node:fs/promises';
import type { Emulator } from './emulator';

const stamp = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Writes a seeded login to a cache file the way `aws sso login` (botocore) does: one line, 0600. */
export async function writeCachedLogin(
  file: string,
  login: ReturnType<Emulator['seedLogin']>,
): Promise<void> {
  const body = Object.entries(login)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v instanceof Date ? stamp(v) : v)}`)
    .join(', ');
  await writeFile(file, `{${body}}`, { mode: 0o600 });
}
