import { readFile, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { cachedTokenSchema, type CachedToken } from './cached-token';

export type CacheRead =
  | { status: 'ok'; token: CachedToken; raw: string }
  | { status: 'missing'; raw: null }
  | { status: 'invalid'; message: string; raw: string | null };

const READ_ERRORS: Record<string, string> = {
  EISDIR: 'is a directory, not a file',
  ELOOP: 'is a symlink loop',
  EACCES: 'cannot be read: permission denied',
  EPERM: 'cannot be read: operation not permitted',
  ENOTDIR: 'a parent of it is not a directory',
};

/**
 * The last result per file with the file's identity (inode, size, mtime in ns): a daemon checking a hundred
 * sessions every tick reads and validates only the files that changed. Bounded; results are never mutated.
 */
const recent = new Map<string, { key: string; result: CacheRead }>();
const RECENT_LIMIT = 4096;

/**
 * How long an empty or unparseable file is read again before it counts as broken: the AWS CLI and the JS
 * SDK rewrite the file in place (truncate, then write), so a reader can catch it between the two.
 */
const SETTLE_MS = 1000;
const SETTLE_POLL_MS = 10;
/** The identity of each file that stayed unparseable through a whole wait. */
const settledBroken = new Map<string, string>();

/**
 * Reads and validates one cache file. Never throws: a broken file is data, not a crash. A file caught
 * empty or half-written is read again for up to `settleMs`; a readable file costs no wait at all.
 */
export async function readCachedToken(file: string, settleMs = SETTLE_MS): Promise<CacheRead> {
  let { result, key } = await readOnce(file);
  // A file already waited on and unchanged since is broken for good: no second wait (daemon ticks, polls).
  if (!mayBeMidWrite(result) || (key !== null && settledBroken.get(file) === key)) return result;
  for (const deadline = Date.now() + settleMs; mayBeMidWrite(result) && Date.now() < deadline;) {
    await sleep(SETTLE_POLL_MS);
    ({ result, key } = await readOnce(file));
  }
  settledBroken.delete(file);
  if (key !== null && mayBeMidWrite(result)) {
    if (settledBroken.size >= RECENT_LIMIT) settledBroken.delete(settledBroken.keys().next().value!);
    settledBroken.set(file, key);
  }
  return result;
}

/** Empty, or JSON cut short: what an in-place writer leaves for a moment. A BOM or a bad field does not pass. */
function mayBeMidWrite(result: CacheRead): boolean {
  if (result.status !== 'invalid' || result.raw === null || result.raw.startsWith('\ufeff')) return false;
  try {
    JSON.parse(result.raw);
    return false;
  } catch {
    return true;
  }
}

async function readOnce(file: string): Promise<{ result: CacheRead; key: string | null }> {
  const info = await stat(file, { bigint: true }).catch(() => null);
  const key = info ? `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}` : null;
  const known = recent.get(file);
  if (key !== null && known?.key === key) return { result: known.result, key };
  const result = await readAndValidate(file);
  recent.delete(file);
  // A file caught mid-write may look the same (size, mtime) once the writer is done: never remember it.
  if (key !== null && result.raw !== null && !mayBeMidWrite(result)) {
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
    recent.set(file, { key, result });
  }
  return { result, key };
}

async function readAndValidate(file: string): Promise<CacheRead> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return { status: 'missing', raw: null };
    return {
      status: 'invalid',
      message: `${file}: ${READ_ERRORS[code] ?? `cannot be read (${code})`}`,
      raw: null,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    // Editors on Windows add a BOM; botocore's json.load and the JS SDK's JSON.parse both refuse it.
    const what =
      raw.trim() === ''
        ? 'is empty'
        : raw.startsWith('\ufeff')
          ? 'starts with a byte-order mark (BOM), which the AWS CLI and SDKs cannot read; save it as UTF-8 without one'
          : 'is not valid JSON (truncated or corrupt)';
    return { status: 'invalid', message: `${file}: ${what}`, raw };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { status: 'invalid', message: `${file}: is not a JSON object`, raw };
  }
  const parsed = cachedTokenSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.') || '(root)';
    const detail =
      issue.code !== 'invalid_type'
        ? issue.message
        : issue.received === 'undefined'
          ? 'is missing'
          : `must be a ${issue.expected}`;
    return { status: 'invalid', message: `${file}: field ${field} ${detail}`, raw };
  }
  return { status: 'ok', token: parsed.data, raw };
}
