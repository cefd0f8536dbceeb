import { SecretRegistry, closeLogger, composeDaemon, createLogger } from '@sso-supervisor/core/daemon';
import type { SupervisorEvent, Setup } from '@sso-supervisor/core';
import { BUILTIN_PLUGINS } from '../builtin-plugins';
import { EXIT, type CliIo } from '../cli-io';
import { painter } from '../output/terminal-format';

function sampleEvent(ws: Setup): SupervisorEvent {
  const session = ws.supervised[0]?.session;
  const name = session?.name ?? 'example';
  const command = session?.loginCommand ?? `aws sso login --sso-session ${name}`;
  return {
    type: 'session.reauth_required',
    time: new Date().toISOString(),
    severity: 'error',
    session: name,
    profiles: session?.profiles ?? [],
    command,
    message: `test from sso-supervisor notify test: this is what "${name} needs a new login" looks like; run ${command}`,
  };
}

/** `notify test [--notifier NAME]`: a sample event through the configured notifiers, delivered or the error for each. */
export async function notifyTestCommand(
  ws: Setup,
  io: CliIo,
  opts: { notifier?: string[] },
): Promise<number> {
  if (ws.config.notifiers.length === 0) {
    io.stderr.write(
      `no notifiers configured in ${ws.config.file ?? 'the built-in defaults (no supervisor.yaml)'}\n`,
    );
    return EXIT.failed;
  }
  const logger = createLogger({
    level: 'warn',
    maxSize: 0,
    maxFiles: 1,
    console: io.stderr,
    env: io.env,
    secrets: new SecretRegistry(),
  });
  const graph = composeDaemon({ setup: ws, plugins: BUILTIN_PLUGINS, overrides: { Logger: logger } });
  const { dispatcher, errors } = await graph.load(ws);
  for (const problem of errors) io.stderr.write(`error: ${problem}\n`);
  const outcomes = await dispatcher.deliver(
    sampleEvent(ws),
    opts.notifier?.length ? opts.notifier : undefined,
  );
  await dispatcher.close();
  await closeLogger(logger);
  const paint = painter(io.stdout, io.env);
  for (const o of outcomes) {
    const line = o.delivered
      ? paint('green', `${o.notifier}: delivered (${o.attempts} attempt${o.attempts === 1 ? '' : 's'})`)
      : paint('red', `${o.notifier}: failed: ${o.error}`);
    io.stdout.write(`${line}\n`);
  }
  return errors.length === 0 && outcomes.every((o) => o.delivered) ? EXIT.ok : EXIT.failed;
}
