import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { NotifierPlugin } from './notifier-contract';

/** Loads a module by file URL; the real one is Node's `import()`, tests may pass a stand-in. */
export type ModuleImporter = (url: string) => Promise<unknown>;

// Core compiles to CommonJS, where TypeScript rewrites `import(x)` into `require(x)`, and require
// cannot load an ES module on every Node this supports (nor one using top-level await on any).
// Building the call at run time keeps a real dynamic import, which loads ESM and CommonJS alike.
const nativeImport = new Function('url', 'return import(url)') as ModuleImporter;

const EXPECTED =
  'a default export or a named export `plugin` shaped { type: string, optionsSchema: a zod schema, create(options, deps) }';

function isPlugin(value: unknown): value is NotifierPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const { type, optionsSchema, create } = value as Record<string, unknown>;
  const schema = optionsSchema as { safeParse?: unknown } | undefined;
  return (
    typeof type === 'string' &&
    type.length > 0 &&
    typeof schema?.safeParse === 'function' &&
    typeof create === 'function'
  );
}

function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function describeShape(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const keys = Object.keys(value).filter((key) => key !== '__esModule');
  return keys.length > 0 ? `an object with ${keys.join(', ')}` : 'an empty object';
}

/**
 * Loads a custom notifier plugin from `spec`, a package name or a path, resolved like `require` from
 * the config file's folder. ESM and CommonJS both work. A missing module or a wrong shape is a
 * returned error naming the module and what was expected, never a throw.
 */
export async function loadCustomNotifier(
  spec: string,
  configFile: string,
  importModule: ModuleImporter = nativeImport,
): Promise<{ plugin: NotifierPlugin } | { error: string }> {
  let resolved: string;
  try {
    resolved = createRequire(configFile).resolve(spec);
  } catch (error) {
    const reason = (error as { code?: string }).code ?? 'not found';
    return { error: `notifier module "${spec}" could not be found from ${configFile} (${reason})` };
  }
  let namespace: unknown;
  try {
    namespace = await importModule(pathToFileURL(resolved).href);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    return { error: `notifier module "${spec}" (${resolved}) failed to load: ${reason}` };
  }
  // import() of CommonJS puts module.exports under `default`; TypeScript-compiled CommonJS puts its
  // own default export one level further down.
  const fromDefault = property(namespace, 'default');
  const candidates = [
    fromDefault,
    property(namespace, 'plugin'),
    property(fromDefault, 'plugin'),
    property(fromDefault, 'default'),
  ];
  const plugin = candidates.find(isPlugin);
  if (plugin) return { plugin };
  return {
    error: `notifier module "${spec}" (${resolved}) does not export a notifier plugin: expected ${EXPECTED}, found ${describeShape(fromDefault ?? namespace)}`,
  };
}
