import type { ZodType } from 'zod';
import type { Logger } from '../util/logger';
import type { Notifier } from './notifier';

/** Collaborators handed to a plugin's factory, so tests pass their own. */
export interface NotifierDeps {
  name: string;
  logger: Logger;
}

/**
 * A notifier plugin: a type name, the zod schema of its own options, and a factory.
 * Plugins depend on this contract only, never on the host.
 */
export interface NotifierPlugin<Options = unknown> {
  readonly type: string;
  readonly optionsSchema: ZodType<Options>;
  create(options: Options, deps: NotifierDeps): Notifier;
}
