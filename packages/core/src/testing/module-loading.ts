import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ModuleImporter } from '../notifiers/load-custom-notifier';

/**
 * A ModuleImporter for jest, whose module system has no dynamic import(): it loads CommonJS through
 * Node's own require and shapes the result as import() would (module.exports under `default`).
 */
export const requireImporter: ModuleImporter = async (url) => {
  const exports: unknown = createRequire(url)(fileURLToPath(url));
  return { ...(exports as object), default: exports };
};
