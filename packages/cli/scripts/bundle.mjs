// Builds the installable CLI in packages/cli/pack/: the CLI, core, the notifiers and the emulator (the demo's)
// bundled by esbuild into dist/main.js, the bin, and a publishable package.json whose dependencies are the
// third-party packages the bundle still requires at run time, with the ranges the workspace declares.
// Input is tsc's dist (run `pnpm build` first): the decorators there already carry their emitted metadata.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(CLI, '..', '..');
const OUT = join(CLI, 'pack');

// Bundled too (measured: fewer files to resolve at start; see the README's Contributing section).
const INLINE = new Set([
  '@smithy/shared-ini-file-loader',
  '@smithy/core',
  '@smithy/types',
  'tslib',
  'commander',
  'yaml',
  'zod',
  'fastest-levenshtein',
  'p-limit',
  'yocto-queue',
]);

const isBuiltin = (spec) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]);
const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** Every workspace package.json, by name: where the ranges of the bundle's external imports come from. */
async function workspaceManifests() {
  const manifests = new Map();
  for (const dir of await readdir(join(ROOT, 'packages'))) {
    const file = join(ROOT, 'packages', dir, 'package.json');
    const manifest = JSON.parse(await readFile(file, 'utf8').catch(() => 'null'));
    if (manifest) manifests.set(manifest.name, manifest);
  }
  return manifests;
}

function rangeOf(name, manifests) {
  for (const m of manifests.values()) {
    const range = m.dependencies?.[name] ?? m.peerDependencies?.[name];
    if (range && !range.startsWith('workspace:')) return range;
  }
  throw new Error(`the bundle requires ${name}, which no workspace package declares as a dependency`);
}

async function main() {
  const cli = JSON.parse(await readFile(join(CLI, 'package.json'), 'utf8'));
  await rm(OUT, { recursive: true, force: true });
  const result = await build({
    entryPoints: [join(CLI, 'dist', 'main.js')],
    outfile: join(OUT, 'dist', 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'externals',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            const name = packageName(args.path);
            if (name.startsWith('@sso-supervisor/') || args.path.startsWith('node:')) return undefined;
            if (INLINE.has(name)) return undefined;
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const manifests = await workspaceManifests();
  const external = new Set();
  for (const input of Object.values(result.metafile.inputs))
    for (const imp of input.imports)
      if (imp.external && /^[@a-z]/.test(imp.path) && !isBuiltin(imp.path))
        external.add(packageName(imp.path));
  const dependencies = Object.fromEntries(
    [...external].sort().map((name) => [name, rangeOf(name, manifests)]),
  );
  await mkdir(join(OUT, 'bin'), { recursive: true });
  await cp(join(CLI, 'scripts', 'packed-bin.js'), join(OUT, 'bin', 'sso-supervisor.js'));
  for (const file of ['README.md', 'LICENSE'])
    await cp(join(ROOT, file), join(OUT, file)).catch(() => undefined);
  const manifest = {
    name: cli.name,
    version: cli.version,
    description: cli.description,
    keywords: ['aws', 'sso', 'iam-identity-center', 'credential_process', 'daemon'],
    license: 'MIT',
    bin: { 'sso-supervisor': 'bin/sso-supervisor.js' },
    files: ['bin', 'dist'],
    engines: { node: '>=20' },
    dependencies,
  };
  await writeFile(join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
  process.stdout.write(
    `bundle: ${OUT}/dist/main.js, ${(bytes / 1024).toFixed(0)} KB; runtime dependencies: ${Object.keys(dependencies).join(', ')}\n`,
  );
}

await main();
