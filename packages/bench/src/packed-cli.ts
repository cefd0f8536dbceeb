import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const CLI_DIR = dirname(require.resolve('@sso-supervisor/cli/package.json'));
const WORKSPACE = join(CLI_DIR, '..');

/** The packed CLI laid out as `npm i -g` lays it out; `bin` is what a user's `sso-supervisor` runs. */
export interface PackedCli {
  bin: string;
  close(): Promise<void>;
}

/** The folder of an installed package, found from where the workspace packages that declare it resolve it. */
function packageDir(name: string): string {
  const from = ['cli', 'core', 'notifier-slack', 'notifier-email', 'notifier-macos'].map((p) =>
    join(WORKSPACE, p),
  );
  for (const base of from) {
    const dir = join(base, 'node_modules', name);
    if (existsSync(join(dir, 'package.json'))) return realpathSync(dir);
  }
  throw new Error(`${name}: no workspace package has it installed`);
}

/**
 * Bundles the CLI (packages/cli/scripts/bundle.mjs, as `pnpm pack` does), copies the packed folder to a temp
 * prefix and links each declared dependency from the workspace's store: the files and the resolution an npm
 * install gives, without the network. The workspace's node_modules are not on the bundle's resolution path.
 */
export async function installPackedCli(): Promise<PackedCli> {
  const built = spawnSync(process.execPath, [join(CLI_DIR, 'scripts', 'bundle.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bundle.mjs failed: ${built.stderr}`);
  const prefix = await mkdtemp(join(tmpdir(), 'sso-bench-packed-'));
  const dir = join(prefix, 'lib', 'node_modules', '@sso-supervisor', 'cli');
  await cp(join(CLI_DIR, 'pack'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies)) {
    const link = join(dir, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(packageDir(name), link, 'dir');
  }
  return {
    bin: join(dir, 'bin', 'sso-supervisor.js'),
    close: () => rm(prefix, { recursive: true, force: true }),
  };
}
