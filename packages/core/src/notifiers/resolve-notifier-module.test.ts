import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { npmGlobalRoots, resolveNotifierModule } from './resolve-notifier-module';

describe(resolveNotifierModule.name, () => {
  let dir: string;
  let configFile: string;
  let hostFile: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const nowhere = jest.fn(async () => [] as string[]);
  const pkg = (root: string, name: string, manifest: object, file = 'index.js') => {
    write(`${root}/node_modules/${name}/package.json`, JSON.stringify({ name, ...manifest }));
    write(`${root}/node_modules/${name}/${file}`, 'module.exports = {};');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'resolve-notifier-'));
    configFile = join(dir, 'home/conf/supervisor.yaml');
    hostFile = join(dir, 'prefix/lib/node_modules/sso-supervisor/dist/main.js');
    nowhere.mockClear();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a package in the node_modules beside the config, without asking npm', async () => {
    pkg('home/conf', '@acme/notifier', { main: 'lib.js' }, 'lib.js');
    const found = await resolveNotifierModule('@acme/notifier', configFile, [hostFile], nowhere);
    expect(found).toEqual({
      file: join(dir, 'home/conf/node_modules/@acme/notifier/lib.js'),
      packageDir: join(dir, 'home/conf/node_modules/@acme/notifier'),
    });
    expect(nowhere).not.toHaveBeenCalled();
  });

  it('finds a package in a folder above the config, then beside the host', async () => {
    pkg('home', 'above', {});
    pkg('prefix/lib/node_modules/sso-supervisor', 'beside-host', {});
    expect(await resolveNotifierModule('above', configFile, [hostFile], nowhere)).toMatchObject({
      file: join(dir, 'home/node_modules/above/index.js'),
    });
    expect(await resolveNotifierModule('beside-host', configFile, [hostFile], nowhere)).toMatchObject({
      file: join(dir, 'prefix/lib/node_modules/sso-supervisor/node_modules/beside-host/index.js'),
    });
  });

  it('resolves an ESM-only package through its import condition, and a subpath', async () => {
    pkg(
      'home/conf',
      'esm-only',
      {
        type: 'module',
        exports: {
          '.': { import: './dist/index.js' },
          './extra': { import: { default: './dist/extra.js' } },
        },
      },
      'dist/index.js',
    );
    write('home/conf/node_modules/esm-only/dist/extra.js', 'export default {};');
    expect(await resolveNotifierModule('esm-only', configFile, [hostFile], nowhere)).toMatchObject({
      file: join(dir, 'home/conf/node_modules/esm-only/dist/index.js'),
    });
    expect(await resolveNotifierModule('esm-only/extra', configFile, [hostFile], nowhere)).toMatchObject({
      file: join(dir, 'home/conf/node_modules/esm-only/dist/extra.js'),
    });
  });

  it('asks for the global folder last, and finds a package there', async () => {
    pkg('global', 'everywhere', {});
    const roots = jest.fn(async () => [join(dir, 'global/node_modules')]);
    expect(await resolveNotifierModule('everywhere', configFile, [hostFile], roots)).toMatchObject({
      file: join(dir, 'global/node_modules/everywhere/index.js'),
    });
    expect(roots).toHaveBeenCalledTimes(1);
  });

  it('lists every place it looked when the package is nowhere', async () => {
    const found = await resolveNotifierModule('@acme/missing', configFile, [hostFile], async () => [
      join(dir, 'global/node_modules'),
    ]);
    expect(found).toMatchObject({ error: 'not found' });
    const tried = 'tried' in found ? found.tried : [];
    expect(tried).toEqual(
      expect.arrayContaining([
        join(dir, 'home/conf/node_modules/@acme/missing'),
        join(dir, 'prefix/lib/node_modules/sso-supervisor/node_modules/@acme/missing'),
        join(dir, 'global/node_modules/@acme/missing'),
      ]),
    );
  });

  it('says so when a package exists but exports nothing import() can load', async () => {
    pkg('home/conf', 'require-only', { exports: { require: './index.js' } });
    const found = await resolveNotifierModule('require-only', configFile, [hostFile], nowhere);
    expect(found).toMatchObject({
      error: expect.stringContaining('has no entry for "." that import() can load'),
    });
  });

  it('resolves a path from the config folder', async () => {
    write('home/conf/plugins/mine.js', 'module.exports = {};');
    expect(await resolveNotifierModule('./plugins/mine.js', configFile, [hostFile], nowhere)).toEqual({
      file: join(dir, 'home/conf/plugins/mine.js'),
    });
    expect(await resolveNotifierModule('./plugins/none.js', configFile, [hostFile], nowhere)).toEqual({
      error: 'not found',
      tried: [join(dir, 'home/conf/plugins/none.js')],
    });
  });
});

describe('npmGlobalRoots', () => {
  const saved = { lower: process.env.npm_config_prefix, upper: process.env.NPM_CONFIG_PREFIX };
  afterEach(() => {
    process.env.npm_config_prefix = saved.lower;
    process.env.NPM_CONFIG_PREFIX = saved.upper;
    if (saved.lower === undefined) delete process.env.npm_config_prefix;
    if (saved.upper === undefined) delete process.env.NPM_CONFIG_PREFIX;
  });

  it('asks npm for its global folder, once per prefix', async () => {
    const prefix = mkdtempSync(join(tmpdir(), 'npm-prefix-'));
    delete process.env.NPM_CONFIG_PREFIX;
    process.env.npm_config_prefix = prefix;
    const first = npmGlobalRoots();
    expect(npmGlobalRoots()).toBe(first);
    expect(await first).toEqual([join(prefix, 'lib/node_modules')]);
    rmSync(prefix, { recursive: true, force: true });
  });
});
