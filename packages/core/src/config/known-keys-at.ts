import type { z } from 'zod';

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
