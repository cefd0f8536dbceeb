import type { ZodType, ZodTypeDef } from 'zod';
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
  /** Input is unknown: the schema may fill defaults, so what it takes is not what it gives. */
  readonly optionsSchema: ZodType<Options, ZodTypeDef, unknown>;
  create(options: Options, deps: NotifierDeps): Notifier;
}
