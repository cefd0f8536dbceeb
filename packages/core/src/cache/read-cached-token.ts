import { readFile, stat } from 'node:fs/promises';
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

/** Reads and validates one cache file. Never throws: a broken file is data, not a crash. */
export async function readCachedToken(file: string): Promise<CacheRead> {
  const info = await stat(file, { bigint: true }).catch(() => null);
  const key = info ? `${info.dev}:${info.ino}:${info.size}:${info.mtimeNs}` : null;
  const known = recent.get(file);
  if (key !== null && known?.key === key) return known.result;
  const result = await readAndValidate(file);
  recent.delete(file);
  if (key !== null && result.raw !== null) {
    if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
    recent.set(file, { key, result });
  }
  return result;
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
