import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { NotifierPlugin } from './notifier-contract';
import { redactPluginText } from './plugin-text';
import { npmGlobalRoots, resolveNotifierModule, type GlobalRoots } from './resolve-notifier-module';

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

export interface LoadOptions {
  /** Files whose node_modules count as "beside the host"; default this module and the running CLI. */
  hostFiles?: string[];
  globalRoots?: GlobalRoots;
}

function defaultHostFiles(): string[] {
  // No __filename when a bundler emits ES modules; the running CLI's path then stands for the host.
  const files = typeof __filename === 'string' ? [__filename] : [];
  try {
    if (process.argv[1]) files.push(realpathSync(process.argv[1]));
  } catch {
    // Not a file (node -e): this module's own folder is enough.
  }
  return files;
}

/**
 * Loads a custom notifier plugin from `spec`, a path from the config file's folder or a package name
 * looked up beside the config, beside the host and in npm's global folder. ES modules (also ESM-only
 * packages) and CommonJS both load, through import(). A missing module or a wrong shape is a returned
 * error naming the module, where it was looked for and what was expected, never a throw. A module is
 * loaded once per process (import() caches it): a rebuilt plugin needs a restart, not a reload.
 */
export async function loadCustomNotifier(
  spec: string,
  configFile: string,
  importModule: ModuleImporter = nativeImport,
  options: LoadOptions = {},
): Promise<{ plugin: NotifierPlugin; file: string } | { error: string }> {
  const hostFiles = options.hostFiles ?? defaultHostFiles();
  const found = await resolveNotifierModule(
    spec,
    configFile,
    hostFiles,
    options.globalRoots ?? npmGlobalRoots,
  );
  if ('error' in found) {
    const where = found.tried.length ? `; looked in ${found.tried.join(', ')}` : '';
    return {
      error: `notifier module "${spec}" could not be found from ${configFile} (${found.error}${where})`,
    };
  }
  const resolved = found.file;
  let namespace: unknown;
  try {
    namespace = await importModule(pathToFileURL(resolved).href);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
    return { error: `notifier module "${spec}" (${resolved}) failed to load: ${redactPluginText(reason)}` };
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
  if (plugin) return { plugin, file: resolved };
  return {
    error: `notifier module "${spec}" (${resolved}) does not export a notifier plugin: expected ${EXPECTED}, found ${describeShape(fromDefault ?? namespace)}`,
  };
}
