import {
  SecretRegistry,
  closeLogger,
  composeDaemon,
  createLogger,
  type DeliveryOutcome,
} from '@sso-supervisor/core/daemon';
import type { Setup, SupervisorEvent } from '@sso-supervisor/core';
import { BUILTIN_PLUGINS } from '../builtin-plugins';
import { EXIT, type CliIo } from '../cli-io';
import { painter } from '../output/terminal-format';

/** An event of its own type, so nobody mistakes it for a real alert and no rule or script acts on it. */
function testEvent(config: Setup['config']): SupervisorEvent {
  const from = config.file ? ` configured in ${config.file}` : '';
  return {
    type: 'notify.test',
    time: new Date().toISOString(),
    severity: 'info',
    message: `Test from sso-supervisor notify test: notifications${from} reach this notifier. Nothing needs doing.`,
  };
}

/**
 * `notify test [--notifier NAME]`: a test event through the configured notifiers, one line per
 * notifier as soon as it answers. One attempt each, so a hung notifier costs its timeout, not the
 * retries on top.
 */
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
  // No outbox: a test that fails is reported here, not tried again later by this process.
  const graph = composeDaemon({
    setup: ws,
    plugins: BUILTIN_PLUGINS,
    overrides: { Logger: logger, Outbox: false },
  });
  const { dispatcher, errors } = await graph.load(ws);
  for (const problem of errors) io.stderr.write(`error: ${problem}\n`);
  const names = opts.notifier?.length ? opts.notifier : undefined;
  const chosen = names ?? ws.config.notifiers.map((n) => n.name);
  const paint = painter(io.stdout, io.env);
  io.stdout.write(`sending a test notification to ${chosen.join(', ')}\n`);
  const print = (o: DeliveryOutcome) => {
    const line = o.delivered
      ? paint('green', `${o.notifier}: delivered`)
      : paint('red', `${o.notifier}: failed: ${o.error}`);
    io.stdout.write(`${line}\n`);
  };
  const outcomes = await dispatcher.deliver(testEvent(ws.config), names, { attempts: 1, onOutcome: print });
  await dispatcher.close();
  await closeLogger(logger);
  return errors.length === 0 && outcomes.every((o) => o.delivered) ? EXIT.ok : EXIT.failed;
}
