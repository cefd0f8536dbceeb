import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** Where a `module:` entry was found, or every place that was tried. */
export type Resolution = { file: string; packageDir?: string } | { error: string; tried: string[] };

/** Folders that may hold a globally installed package, found only when a lookup needs them. */
export type GlobalRoots = () => Promise<string[]>;

let npmRoot: { key: string; roots: Promise<string[]> } | undefined;

/**
 * `npm root -g` (the folder `npm i -g` installs into), asked once per npm prefix: it takes a whole npm
 * start-up, so only a package found nowhere else pays for it.
 */
export const npmGlobalRoots: GlobalRoots = () => {
  const key = process.env.npm_config_prefix ?? process.env.NPM_CONFIG_PREFIX ?? '';
  if (npmRoot?.key !== key) {
    const roots = new Promise<string[]>((done) =>
      execFile(
        'npm',
        ['root', '-g'],
        { timeout: 10_000, encoding: 'utf8', env: process.env },
        (error, stdout) => done(error || !stdout.trim() ? [] : [stdout.trim()]),
      ),
    );
    npmRoot = { key, roots };
  }
  return npmRoot.roots;
};

// The conditions Node's import() matches, in its order of preference within an `exports` object.
const CONDITIONS = new Set(['node', 'import', 'default']);

/** One target of an `exports` map (string, conditions object, or fallback array), for import(). */
function exportTarget(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) return target.map(exportTarget).find((t) => t !== undefined);
  if (typeof target !== 'object' || target === null) return undefined;
  for (const [key, value] of Object.entries(target)) {
    if (!CONDITIONS.has(key)) continue;
    const found = exportTarget(value);
    if (found !== undefined) return found;
  }
  return undefined;
}

function readManifest(packageDir: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The file import() would load for `subpath` ('.' or './x') of the package in `packageDir`: its
 * `exports` map with import conditions (so an ESM-only package resolves), else `main`, else index.js.
 * Subpath patterns (`./*`) are not followed.
 */
function packageEntry(packageDir: string, subpath: string): string | undefined {
  const manifest = readManifest(packageDir);
  if (!manifest) return undefined;
  const { exports, main } = manifest;
  if (exports !== undefined) {
    const sugar =
      typeof exports === 'string' ||
      Array.isArray(exports) ||
      Object.keys(exports as object).every((k) => !k.startsWith('.'));
    const target = sugar
      ? subpath === '.' && exportTarget(exports)
      : exportTarget((exports as Record<string, unknown>)[subpath]);
    return target ? resolve(packageDir, target) : undefined;
  }
  if (subpath !== '.')
    return createRequire(join(packageDir, 'package.json')).resolve(join(packageDir, subpath));
  return createRequire(join(packageDir, 'package.json')).resolve(
    join(packageDir, typeof main === 'string' ? main : '.'),
  );
}

function splitSpecifier(spec: string): { name: string; subpath: string } {
  const parts = spec.split('/');
  const length = spec.startsWith('@') ? 2 : 1;
  const rest = parts.slice(length).join('/');
  return { name: parts.slice(0, length).join('/'), subpath: rest ? `./${rest}` : '.' };
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/**
 * Finds a `module:` entry as a user who installed it expects: a path from the config file's folder;
 * a package in a node_modules beside the config or above it, beside the host (the installed CLI), or
 * in npm's global folder, asked last and only when needed.
 */
export async function resolveNotifierModule(
  spec: string,
  configFile: string,
  hostFiles: readonly string[],
  globalRoots: GlobalRoots = npmGlobalRoots,
): Promise<Resolution> {
  const configDir = dirname(configFile);
  if (spec.startsWith('.') || isAbsolute(spec)) {
    const path = resolve(configDir, spec);
    try {
      return { file: createRequire(configFile).resolve(path) };
    } catch {
      return { error: 'not found', tried: [path] };
    }
  }
  const { name, subpath } = splitSpecifier(spec);
  const local = createRequire(configFile).resolve.paths(spec) ?? [];
  const host = hostFiles.flatMap((file) => createRequire(file).resolve.paths(spec) ?? []);
  const tried: string[] = [];
  const lookIn = (roots: string[]): Resolution | undefined => {
    for (const root of roots) {
      const packageDir = join(root, name);
      if (tried.includes(packageDir)) continue;
      tried.push(packageDir);
      if (!existsSync(join(packageDir, 'package.json'))) continue;
      let file: string | undefined;
      try {
        file = packageEntry(packageDir, subpath);
      } catch {
        file = undefined;
      }
      if (file && isFile(file)) return { file, packageDir };
      return { error: `${packageDir} has no entry for "${subpath}" that import() can load`, tried };
    }
    return undefined;
  };
  return lookIn(local) ?? lookIn(host) ?? lookIn(await globalRoots()) ?? { error: 'not found', tried };
}
