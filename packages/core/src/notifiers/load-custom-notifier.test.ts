import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { requireImporter } from '../testing/module-loading';
import { loadCustomNotifier } from './load-custom-notifier';

// CommonJS through require here; Node's real import() of ESM and CommonJS is in the .integ test.

const PLUGIN = `{ type: 'acme', optionsSchema: { safeParse: (v) => ({ success: true, data: v }) }, create: (o, d) => ({ name: d.name, send: async () => {} }) }`;

describe(loadCustomNotifier.name, () => {
  let dir: string;
  let configFile: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const load = (spec: string) =>
    loadCustomNotifier(spec, configFile, requireImporter, {
      hostFiles: [configFile],
      globalRoots: async () => [],
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'custom-notifier-'));
    configFile = join(dir, 'conf', 'supervisor.yaml');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['module.exports = plugin', `module.exports = ${PLUGIN};`],
    ['exports.plugin', `exports.plugin = ${PLUGIN};`],
    [
      'TypeScript-compiled exports.default',
      `Object.defineProperty(exports, '__esModule', { value: true }); exports.default = ${PLUGIN};`,
    ],
  ])('loads a path relative to the config folder exporting %s', async (_, source) => {
    write('conf/notifiers/acme.js', source);
    const loaded = await load('./notifiers/acme.js');
    expect(loaded).toEqual({
      plugin: expect.objectContaining({ type: 'acme' }),
      file: join(dir, 'conf/notifiers/acme.js'),
    });
  });

  it('loads a package by name from the config folder', async () => {
    write(
      'node_modules/@acme/sso-notifier/package.json',
      '{"name": "@acme/sso-notifier", "main": "main.js"}',
    );
    write('node_modules/@acme/sso-notifier/main.js', `module.exports = { plugin: ${PLUGIN} };`);
    const loaded = await load('@acme/sso-notifier');
    expect('plugin' in loaded && loaded.plugin.type).toBe('acme');
  });

  it('names the module when it cannot be found', async () => {
    const loaded = await load('./missing.js');
    expect(loaded).toEqual({
      error: `notifier module "./missing.js" could not be found from ${configFile} (not found; looked in ${join(dir, 'conf/missing.js')})`,
    });
  });

  it('names the module and what was expected when the shape is wrong', async () => {
    write('conf/wrong.js', `module.exports = { type: 'acme', send() {} };`);
    const loaded = await load('./wrong.js');
    expect('error' in loaded && loaded.error).toBe(
      `notifier module "./wrong.js" (${join(dir, 'conf/wrong.js')}) does not export a notifier plugin: expected a default export ` +
        'or a named export `plugin` shaped { type: string, optionsSchema: a zod schema, create(options, deps) }, found an object with type, send',
    );
  });

  it('names every folder it looked in for a missing package', async () => {
    const loaded = await load('@acme/none');
    expect('error' in loaded && loaded.error).toContain(
      `could not be found from ${configFile} (not found; looked in ${join(dir, 'conf/node_modules/@acme/none')}, ${join(dir, 'node_modules/@acme/none')}`,
    );
  });

  it('blanks a password in the text a failing module throws', async () => {
    write('conf/leaky.js', `throw new Error('cannot reach https://bot:s3cret-pass@chat.example/');`);
    const loaded = await load('./leaky.js');
    expect('error' in loaded && loaded.error).toContain('https://bot:[redacted]@chat.example/');
    expect(JSON.stringify(loaded)).not.toContain('s3cret-pass');
  });

  it('returns a module that throws while loading as an error', async () => {
    write('conf/broken.js', `throw new Error('boom at load');`);
    const loaded = await load('./broken.js');
    expect('error' in loaded && loaded.error).toBe(
      `notifier module "./broken.js" (${join(dir, 'conf/broken.js')}) failed to load: boom at load`,
    );
  });
});
