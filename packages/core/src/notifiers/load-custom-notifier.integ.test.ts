import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { loadCustomNotifier } from './load-custom-notifier';

const PLUGIN = `{ type: 'acme', optionsSchema: { safeParse: (v) => ({ success: true, data: v }) }, create: () => ({}) }`;

// jest cannot run a real dynamic import(), so the compiled loader runs in a plain Node child process,
// exactly as core's CommonJS build runs it.
function loadInNode(dir: string, spec: string): unknown {
  for (const name of ['load-custom-notifier', 'resolve-notifier-module', 'plugin-text']) {
    const source = readFileSync(join(__dirname, `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(dir, `${name}.js`), outputText);
  }
  const script = `require('./load-custom-notifier.js').loadCustomNotifier(process.argv[1], ${JSON.stringify(join(dir, 'supervisor.yaml'))})
    .then((r) => console.log(JSON.stringify('plugin' in r ? { type: r.plugin.type } : r)))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, spec], { cwd: dir, encoding: 'utf8' }));
}

describe(`${loadCustomNotifier.name} with Node's import()`, () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'custom-notifier-esm-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['an ES module default export', 'acme.mjs', `export default ${PLUGIN};`],
    ['an ES module named export', 'acme.mjs', `export const plugin = ${PLUGIN};`],
    [
      'an ES module with top-level await',
      'acme.mjs',
      `await Promise.resolve(); export const plugin = ${PLUGIN};`,
    ],
    ['a CommonJS module', 'acme.cjs', `module.exports = { plugin: ${PLUGIN} };`],
  ])('loads %s', (_, file, source) => {
    writeFileSync(join(dir, file), source);
    expect(loadInNode(dir, `./${file}`)).toEqual({ type: 'acme' });
  });

  it('loads an ESM-only package (exports with an import condition only) installed beside the config', () => {
    const pkg = join(dir, 'node_modules', '@acme', 'esm-only');
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({
        name: '@acme/esm-only',
        type: 'module',
        exports: { '.': { import: './dist/index.js' } },
      }),
    );
    writeFileSync(join(pkg, 'dist', 'index.js'), `export default ${PLUGIN};`);
    expect(loadInNode(dir, '@acme/esm-only')).toEqual({ type: 'acme' });
  });

  it('reports an ES module without a plugin', () => {
    writeFileSync(join(dir, 'empty.mjs'), 'export const other = 1;');
    expect(loadInNode(dir, './empty.mjs')).toEqual({
      error: expect.stringMatching(
        /^notifier module "\.\/empty\.mjs" \(.*empty\.mjs\) does not export a notifier plugin: .* found an object with other$/,
      ),
    });
  });
});
