import path from 'node:path';

/**
 * Expands `~` against the given home and, when `baseDir` is given, resolves a relative path
 * from it: a config file means the same thing whatever directory the daemon starts in.
 */
export function expandPath(value: string, home: string, baseDir?: string): string {
  let expanded = value;
  if (value === '~') expanded = home;
  else if (value.startsWith('~/')) expanded = path.join(home, value.slice(2));
  return baseDir === undefined ? expanded : path.resolve(baseDir, expanded);
}
