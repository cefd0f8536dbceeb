import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { awsConfigArbitrary } from './support/aws-config-arbitrary';
import { cacheFileArbitrary, type CacheFileBody } from './support/cache-file-arbitrary';
import { ChaosWorld } from './support/chaos-world';
import type { CliRun } from '@sso-supervisor/cli/testing';
import { scaled } from './support/scaled';
import { supervisorYamlArbitrary } from './support/supervisor-yaml-arbitrary';

const RUNS = scaled({ short: 8, full: 100 });
const COMMANDS = [['status'], ['validate'], ['refresh']];
// A V8 stack frame: "    at fn (/path/file.js:12:34)" or "    at /path/file.js:12:34".
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const MINIMAL_CONFIG = 'version: 1\n';

async function put(file: string, body: CacheFileBody): Promise<void> {
  await rm(file, { recursive: true, force: true });
  if (body === null) await mkdir(file);
  else await writeFile(file, body, { mode: 0o600 });
}

/**
 * Generated supervisor.yaml, AWS config and cache files through the real CLI, one process per command:
 * exit codes only 0, 1 or 2, never a stack trace, and every error line (and every `invalid` refresh
 * result) names the file it is about. A rejected config (exit 2) says so on stderr.
 */
describe('fuzzed inputs to status, validate and refresh', () => {
  let world: ChaosWorld;
  /** The healthy AWS config, put back for the properties that fuzz something else. */
  let awsConfig: string;
  let runs = 0;
  const exits: Record<string, number> = {};

  beforeAll(async () => {
    world = await ChaosWorld.create('fuzz', {
      sessions: [
        { name: 'dev', profiles: ['dev-a'] },
        { name: 'legacy', profiles: ['legacy'], legacy: true },
      ],
    });
    awsConfig = await readFile(world.home.configFile, 'utf8');
  });

  afterAll(async () => {
    console.info(`fuzzing: ${runs} generated inputs; CLI exits: ${JSON.stringify(exits)}`);
    expect(await world.leaks()).toEqual([]);
    await world.close();
  });

  async function everyCommandCopes(input: string): Promise<void> {
    runs += 1;
    const results = await Promise.all(COMMANDS.map(async (args) => ({ args, run: await world.cli(args) })));
    const problems = results.flatMap(({ args, run }) => judge(args.join(' '), run));
    if (problems.length) throw new Error(`${problems.join('\n')}\n--- input ---\n${input}`);
  }

  function judge(command: string, run: CliRun): string[] {
    const problems: string[] = [];
    exits[`${command} ${run.code}`] = (exits[`${command} ${run.code}`] ?? 0) + 1;
    const said = `\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
    if (run.code === null || ![0, 1, 2].includes(run.code))
      problems.push(`${command}: exit ${run.code}${said}`);
    if (STACK_FRAME.test(run.stderr) || STACK_FRAME.test(run.stdout))
      problems.push(`${command}: stack trace${said}`);
    const rejections = [
      ...run.stderr.split('\n').filter((l) => l.startsWith('error:')),
      ...run.stdout.split('\n').filter((l) => /: invalid: /.test(l)),
    ];
    for (const line of rejections.filter((l) => !l.includes(world.dir)))
      problems.push(`${command}: names no file: ${line}`);
    if (run.code === 2 && !rejections.length)
      problems.push(`${command}: exit 2 without an error line${said}`);
    return problems;
  }

  it(
    'supervisor.yaml',
    async () => {
      await writeFile(world.home.configFile, awsConfig);
      await fc.assert(
        fc.asyncProperty(supervisorYamlArbitrary, async (yaml) => {
          await writeFile(world.configFile, yaml);
          await everyCommandCopes(yaml);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
    scaled({ short: 60_000, full: 600_000 }),
  );

  it(
    'AWS config',
    async () => {
      await writeFile(world.configFile, MINIMAL_CONFIG);
      await fc.assert(
        fc.asyncProperty(awsConfigArbitrary, async (ini) => {
          await writeFile(world.home.configFile, ini);
          await everyCommandCopes(ini);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
    scaled({ short: 60_000, full: 600_000 }),
  );

  it(
    'cache files',
    async () => {
      await writeFile(world.configFile, MINIMAL_CONFIG);
      await writeFile(world.home.configFile, awsConfig);
      const { dev, legacy } = world.home.sessions;
      const arbitrary = fc.tuple(cacheFileArbitrary(dev.login!), cacheFileArbitrary(legacy.login!));
      await fc.assert(
        fc.asyncProperty(arbitrary, async ([a, b]) => {
          await put(dev.cacheFile, a);
          await put(legacy.cacheFile, b);
          await everyCommandCopes(`${dev.cacheFile}:\n${String(a)}\n${legacy.cacheFile}:\n${String(b)}`);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
    scaled({ short: 60_000, full: 600_000 }),
  );
});
