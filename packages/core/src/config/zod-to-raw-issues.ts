import type { z } from 'zod';
import { didYouMean } from './error-wording';
import { knownKeysAt } from './known-keys-at';
import type { RawIssue } from './config-issues';

type Path = (string | number)[];

function unknownKeyMessage(key: string, known: readonly string[], alsoSuggest: readonly string[]): string {
  const guess = didYouMean(key, [...known, ...alsoSuggest]);
  if (guess) return `unknown key, did you mean \`${guess}\`?`;
  return known.length > 0 ? `unknown key; expected one of ${known.join(', ')}` : 'unknown key';
}

/**
 * zod issues as raw issues, one per unknown key (pointing at the key) with a suggestion drawn
 * from the keys the schema knows at that place. `toConfigPath` maps a path inside `schema` to a
 * path in the file; `rootKeys` are keys accepted beside the schema's own at its root, offered
 * as suggestions only.
 */
export function zodToRawIssues(
  issues: readonly z.ZodIssue[],
  schema: z.ZodTypeAny,
  toConfigPath: (path: Path) => Path = (path) => path,
  rootKeys: readonly string[] = [],
): RawIssue[] {
  return issues.flatMap((issue): RawIssue[] => {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    if (issue.code !== 'unrecognized_keys') return [{ path: toConfigPath(path), message: issue.message }];
    const known = knownKeysAt(schema, path);
    const alsoSuggest = path.length === 0 ? rootKeys : [];
    return issue.keys.map((key) => ({
      path: toConfigPath([...path, key]),
      at: 'key',
      message: unknownKeyMessage(key, known, alsoSuggest),
    }));
  });
}
