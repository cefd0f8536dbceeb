import {
  TOKENS,
  type Clock,
  type Logger,
  type NotifierPlugin,
  type SupervisorConfig,
} from '@sso-supervisor/core';
import { createRoutedNotifiers, Dispatcher } from '@sso-supervisor/core/daemon';
import { container as rootContainer } from 'tsyringe';
import { BUILTIN_PLUGINS } from './builtin-plugins';

export interface Composed {
  dispatcher: Dispatcher;
  /** Notifiers that could not be created, as `notifiers[2].field: message`; the others still work. */
  errors: string[];
}

/**
 * The one place where anything is registered with tsyringe. Each call builds a child container, so a
 * reload (or a test) gets fresh notifiers without touching the previous ones.
 */
export async function composeNotifiers(
  config: SupervisorConfig,
  logger: Logger,
  clock: Clock,
  plugins: readonly NotifierPlugin[] = BUILTIN_PLUGINS,
): Promise<Composed> {
  const container = rootContainer.createChildContainer();
  container.register(TOKENS.Logger, { useValue: logger });
  container.register(TOKENS.Clock, { useValue: clock });
  for (const plugin of plugins) container.register(TOKENS.NotifierPlugin, { useValue: plugin });
  const { routed, errors } = await createRoutedNotifiers(
    config.notifiers,
    container.resolveAll<NotifierPlugin>(TOKENS.NotifierPlugin),
    { logger, configFile: config.file ?? `${process.cwd()}/supervisor.yaml` },
  );
  for (const r of routed) container.register(TOKENS.RoutedNotifier, { useValue: r });
  return { dispatcher: container.resolve(Dispatcher), errors };
}
