import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorld, type World } from '@sso-supervisor/emulator/testing';
import { runCli } from '../testing';

interface Issue {
  file: string;
  line?: number;
  col?: number;
  path: string;
  message: string;
}

const PLUGIN = (create: string) => `module.exports = {
  type: 'fixture',
  optionsSchema: { safeParse: (v) => ({ success: true, data: v }) },
  create: ${create},
};\n`;

// Every case here made `validate` say ok while `run` then started without notifiers, wrote nowhere,
// refreshed at every check or skipped a session (issue 15).
const CONFIG = `version: 1
sessions:
  - name: corp
reauth:
  mode: device-code
notifiers:
  - name: gone
    module: ./no-such-notifier.cjs
  - name: throws
    module: ./throws.cjs
  - name: shapeless
    module: ./shapeless.cjs
  - name: hollow
    module: ./hollow.cjs
exports:
  - { profile: nosuch, path: ./app.env, format: dotenv }
  - { profile: dev, path: ./out, format: dotenv }
`;

describe('validate: what run would trip on', () => {
  let world: World;
  let env: Record<string, string>;
  const at = (line: number, col: number) => `${world.configFile}:${line}:${col}`;

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'cli-validate-',
      sessions: [
        { name: 'corp', profiles: ['dev'] },
        { name: 'newteam', profiles: ['newdev'] },
      ],
      config: CONFIG,
    });
    await writeFile(join(world.dir, 'throws.cjs'), "throw new Error('cannot read CA file');\n");
    await writeFile(join(world.dir, 'shapeless.cjs'), 'module.exports = { send() {} };\n');
    await writeFile(join(world.dir, 'hollow.cjs'), PLUGIN('() => ({})'));
    await mkdir(join(world.dir, 'out'));
    await appendFile(
      world.home.configFile,
      '\n[sso-session a&b]\nsso_start_url = https://ab.awsapps.com/start\nsso_region = us-east-1\n',
    );
    env = { ...world.env, NO_COLOR: '1' };
  });

  afterAll(async () => {
    await world.close();
  });

  it('names each at FILE:LINE:COL and exits 2', async () => {
    const r = await runCli(['validate'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    const line = (start: string) => lines.find((l) => l.startsWith(start)) ?? `no line starts ${start}`;
    expect(line(`error: ${at(8, 13)} notifiers[0].module:`)).toMatch(/could not be found/);
    expect(line(`error: ${at(10, 13)} notifiers[1].module:`)).toMatch(/failed to load: cannot read CA file/);
    expect(line(`error: ${at(12, 13)} notifiers[2].module:`)).toMatch(/does not export a notifier plugin/);
    expect(line(`error: ${at(13, 5)} notifiers[3]:`)).toMatch(
      /create\(\) returned an empty object, not a notifier/,
    );
    expect(line(`error: ${at(16, 16)} exports[0].profile:`)).toMatch(/profile "nosuch" is not in/);
    expect(line(`error: ${at(17, 27)} exports[1].path:`)).toMatch(/is a folder/);
    expect(line(`warning: ${at(5, 9)} reauth.mode:`)).toMatch(/no.*private|none is/);
    const aws = world.home.configFile;
    expect(r.stderr).toMatch(
      new RegExp(
        `warning: ${aws}:\\d+:1 \\[sso-session a&b\\]: the AWS SDK for JavaScript's config parser drops`,
      ),
    );
    // Read as the AWS CLI reads it, so it is a session like any other: left out of `sessions:` here.
    expect(r.stderr).toMatch(new RegExp(`warning: ${aws}:\\d+:1 \\[sso-session a&b\\]: not supervised`));
    expect(r.stderr).toMatch(new RegExp(`warning: ${aws}:\\d+:1 \\[sso-session newteam\\]: not supervised`));
  });

  it('--json gives the same as objects on stdout, with the same exit code', async () => {
    const r = await runCli(['validate', '--json'], env);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { ok: boolean; errors: Issue[]; warnings: Issue[] };
    expect(out.ok).toBe(false);
    expect(out.errors.map((e) => [e.line, e.col, e.path])).toEqual([
      [8, 13, 'notifiers[0].module'],
      [10, 13, 'notifiers[1].module'],
      [12, 13, 'notifiers[2].module'],
      [13, 5, 'notifiers[3]'],
      [16, 16, 'exports[0].profile'],
      [17, 27, 'exports[1].path'],
    ]);
    expect(out.warnings.map((w) => w.path)).toEqual([
      'reauth.mode',
      '[sso-session a&b]',
      '[sso-session a&b]',
      '[sso-session newteam]',
    ]);
  });

  it('refuses a cron that never fires; validate and status --json still print one JSON object', async () => {
    const bad = await world.withConfig('never', "version: 1\ndefaults:\n  schedule: '0 0 31 2 *'\n");
    const plain = await runCli(['validate'], bad);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/never\.yaml:3:13 defaults\.schedule: this schedule never fires/);
    for (const command of ['validate', 'status']) {
      const r = await runCli([command, '--json'], bad);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toEqual({
        ok: false,
        errors: [expect.objectContaining({ line: 3, col: 13, path: 'defaults.schedule' })],
        warnings: [],
      });
    }
  });

  it('warns, and still passes, for a threshold longer than the token lives', async () => {
    const slow = await world.withConfig('slow', 'version: 1\ndefaults:\n  threshold: 2h\n');
    const r = await runCli(['validate'], slow);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /slow\.yaml:3:14 defaults\.threshold: threshold 2h is not shorter than the access token's one-hour lifetime, so every check refreshes: about 60 CreateToken calls an hour/,
    );
  });
});

describe('validate: an installed ESM-only notifier package', () => {
  let world: World;
  const zodUrl = pathToFileURL(
    require.resolve('zod', { paths: [require.resolve('@sso-supervisor/core')] }),
  ).href;

  beforeAll(async () => {
    world = await createWorld({
      prefix: 'cli-validate-esm-',
      sessions: [{ name: 'corp', profiles: ['dev'] }],
      config: `version: 1
sessions:
  - name: corp
notifiers:
  - name: strict
    module: '@acme/strict'
    options:
      url: 42
`,
    });
    const pkg = join(world.dir, 'node_modules', '@acme', 'strict');
    await mkdir(pkg, { recursive: true });
    await writeFile(
      join(pkg, 'package.json'),
      JSON.stringify({ name: '@acme/strict', type: 'module', exports: { '.': { import: './index.js' } } }),
    );
    await writeFile(
      join(pkg, 'index.js'),
      `import zod from ${JSON.stringify(zodUrl)};
export default {
  type: 'strict',
  optionsSchema: zod.z.object({ url: zod.z.string().url() }).strict(),
  create: (options, deps) => ({ name: deps.name, send: async () => {} }),
};\n`,
    );
  });

  afterAll(async () => {
    await world.close();
  });

  it('loads it from the node_modules beside the config, reports bad options at FILE:LINE:COL, and says a restart is needed', async () => {
    const r = await runCli(['validate'], { ...world.env, NO_COLOR: '1' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`error: ${world.configFile}:8:12 notifiers\\[0\\]\\.options\\.url: `),
    );
    expect(r.stderr).toMatch(
      /note: custom notifier modules \("@acme\/strict"\) are loaded once per daemon process: after rebuilding or upgrading one, restart the daemon/,
    );
  });
});
