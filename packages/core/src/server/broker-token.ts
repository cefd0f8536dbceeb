import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const BROKER_TOKEN_FILE = 'broker-token';

/** 32 random bytes, hex: 256 bits, the token every broker request must carry. */
const TOKEN_BYTES = 32;

/**
 * The broker's authorization token, kept 0600 in the state dir so `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`
 * can point at it. Reused across restarts (a job started under `exec` keeps working when the daemon
 * restarts); made anew when missing or too short to be one of ours.
 */
export async function ensureBrokerToken(stateDir: string): Promise<{ token: string; file: string }> {
  const file = join(stateDir, BROKER_TOKEN_FILE);
  const existing = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    () => '',
  );
  if (/^[0-9a-f]{64}$/.test(existing)) {
    // A copied or restored state dir may have lost the mode; the file is a credential.
    await chmod(file, 0o600);
    return { token: existing, file };
  }
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  const token = randomBytes(TOKEN_BYTES).toString('hex');
  await writeFile(file, token, { mode: 0o600 });
  await chmod(file, 0o600);
  return { token, file };
}

/** Constant-time comparison, so the answer's timing says nothing about how much of a guess was right. */
export function tokenMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  // Compared against itself when the lengths differ, so the time spent does not depend on the guess either.
  return timingSafeEqual(a, b.length === a.length ? b : a) && b.length === a.length;
}
