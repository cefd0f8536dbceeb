import { execFileSync } from 'node:child_process';

/**
 * Which of `vendors` are in require.cache of a fresh Node process once the built module at `entry` is
 * loaded, and once `create` (a script with that module as `pkg`) has run: how a plugin proves it loads its
 * vendor library only when a notifier of its type is created.
 */
export function vendorsLoaded(
  entry: string,
  create: string,
  vendors: string[],
): { onLoad: string[]; onCreate: string[] } {
  const script = `
    const loaded = () => {
      const paths = Object.keys(require.cache).map((p) => p.replace(/\\\\/g, '/'));
      const wanted = ${JSON.stringify(vendors)};
      return wanted.filter((v) => paths.some((p) => p.includes('/node_modules/' + v + '/')));
    };
    const pkg = require(${JSON.stringify(entry)});
    const onLoad = loaded();
    ${create};
    console.log(JSON.stringify({ onLoad, onCreate: loaded() }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}
