import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Emulator } from '../emulator';

const botocoreTime = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Writes HOME/.aws/sso/cache/<sha1 of the sso-session name>.json the way botocore does: one line,
 * json.dumps separators, timestamps without milliseconds. Returns the file's path.
 */
export async function writeSsoCacheFile(
  home: string,
  sessionName: string,
  login: ReturnType<Emulator['seedLogin']>,
): Promise<string> {
  const dir = join(home, '.aws', 'sso', 'cache');
  await mkdir(dir, { recursive: true });
  const entries = Object.entries(login).map(([key, value]) => {
    const text = value instanceof Date ? botocoreTime(value) : value;
    return `${JSON.stringify(key)}: ${JSON.stringify(text)}`;
  });
  const file = join(dir, `${createHash('sha1').update(sessionName).digest('hex')}.json`);
  await writeFile(file, `{${entries.join(', ')}}`, { mode: 0o600 });
  return file;
}
