import type { z } from 'zod';

interface SchemaDef {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
}

function defOf(schema: z.core.$ZodType): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

// Optional, default, nullable and pipe (transform) wrappers do not change which keys an object takes.
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/**
 * The keys the object schema at `path` accepts, for "did you mean" suggestions. Reads the
 * schema definition rather than instanceof checks, so plugin schemas from another zod copy work too.
 */
export function knownKeysAt(schema: z.core.$ZodType, path: readonly (string | number)[]): string[] {
  let current = unwrap(schema);
  for (const segment of path) {
    const def = defOf(current);
    const child = def.type === 'object' ? def.shape?.[String(segment)] : def.element;
    if (!child) return [];
    current = unwrap(child);
  }
  const def = defOf(current);
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}
