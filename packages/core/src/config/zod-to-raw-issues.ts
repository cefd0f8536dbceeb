import type { z } from 'zod';
import { didYouMean } from './error-wording';
import type { RawIssue } from './config-issues';

interface SchemaDef {
  typeName?: string;
  shape?: () => Record<string, z.ZodTypeAny>;
  type?: z.ZodTypeAny;
  innerType?: z.ZodTypeAny;
  schema?: z.ZodTypeAny;
  in?: z.ZodTypeAny;
}

function defOf(schema: z.ZodTypeAny): SchemaDef {
  return schema._def as SchemaDef;
}

function childAt(def: SchemaDef, segment: string | number): z.ZodTypeAny | undefined {
  if (def.typeName === 'ZodArray') return def.type;
  const shape = def.typeName === 'ZodObject' ? def.shape?.() : undefined;
  return shape && Object.hasOwn(shape, segment) ? shape[segment] : undefined;
}

// Optional, default, nullable, effects (refine, transform) and pipe wrappers do not change which keys an object takes.
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.typeName === 'ZodEffects' ? def.schema : def.in);
    if (!inner) return current;
    current = inner;
  }
}

/**
 * The keys the object schema at `path` accepts, for "did you mean" suggestions. Reads the
 * schema definition rather than instanceof checks, so plugin schemas from another zod copy work too.
 */
export function knownKeysAt(schema: z.ZodTypeAny, path: readonly (string | number)[]): string[] {
  let current = unwrap(schema);
  for (const segment of path) {
    const child = childAt(defOf(current), segment);
    if (!child) return [];
    current = unwrap(child);
  }
  const def = defOf(current);
  return def.typeName === 'ZodObject' && def.shape ? Object.keys(def.shape()) : [];
}

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
