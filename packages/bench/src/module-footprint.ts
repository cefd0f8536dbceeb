import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sampleRss } from './process-sampling';

const LOADER = 'for (const m of JSON.parse(process.argv[1])) require(m); setInterval(() => {}, 1e9);';

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Resolves a dependency of core (or of the CLI) the way their own code does. */
function fromCore(name: string): string {
  return require.resolve(name, { paths: [packageDir('@sso-supervisor/core')] });
}

function fromCli(name: string): string {
  return require.resolve(name, { paths: [packageDir('@sso-supervisor/cli')] });
}

/** What the daemon loads, each measured alone in a fresh process. */
function candidates(): { label: string; modules: string[] }[] {
  const cliDist = join(packageDir('@sso-supervisor/cli'), 'dist');
  return [
    { label: 'bare node', modules: [] },
    { label: '@sso-supervisor/core', modules: [require.resolve('@sso-supervisor/core')] },
    { label: '@sso-supervisor/core/daemon', modules: [require.resolve('@sso-supervisor/core/daemon')] },
    {
      label: 'cli dist/commands/run-command (all the daemon loads)',
      modules: [join(cliDist, 'commands', 'run-command.js')],
    },
    { label: 'cli dist/builtin-plugins', modules: [join(cliDist, 'builtin-plugins.js')] },
    { label: 'winston', modules: [fromCore('winston')] },
    { label: 'axios', modules: [fromCore('axios')] },
    { label: 'yaml', modules: [fromCore('yaml')] },
    { label: 'cron (luxon)', modules: [fromCore('cron')] },
    { label: 'zod', modules: [fromCore('zod')] },
    { label: 'reflect-metadata + tsyringe', modules: [fromCore('reflect-metadata'), fromCore('tsyringe')] },
    { label: '@aws-sdk/client-sso-oidc', modules: [fromCore('@aws-sdk/client-sso-oidc')] },
    { label: 'commander', modules: [fromCli('commander')] },
  ];
}

/**
 * The RSS each of the daemon's modules costs on its own, to explain the daemon's figure: one idle process
 * per module, all started together and sampled at the same moments. Lines like `axios: +18.8 MB`.
 */
export async function moduleFootprint(): Promise<string[]> {
  const list = candidates();
  const children = list.map(({ modules }) =>
    spawn(process.execPath, ['-e', LOADER, JSON.stringify(modules)], { stdio: 'ignore' }),
  );
  try {
    await sleep(3000);
    const kb = await sampleRss(
      children.map((c) => c.pid!),
      3,
      500,
    );
    return list.map(({ label }, i) =>
      i === 0
        ? `${label}: ${(kb[0] / 1024).toFixed(1)} MB`
        : `${label}: +${((kb[i] - kb[0]) / 1024).toFixed(1)} MB`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}
