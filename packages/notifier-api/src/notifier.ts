import type { ZodType, ZodTypeDef } from 'zod';
import type { SupervisorEvent } from './supervisor-event.js';

/**
 * The notifier contract: what a plugin gives (a type, an options schema, a factory making a Notifier)
 * and what it gets. Plugins depend on this package only, never on the host.
 */

/** What every notifier plugin returns: a name, a send, and optionally a close. */
export interface Notifier {
  readonly name: string;
  send(event: SupervisorEvent): Promise<void>;
  close?(): Promise<void>;
}

/** Structured logging: a message plus fields, never a secret in either. The host's logger fits. */
export interface Logger {
  error(message: string, fields?: Record<string, unknown>): unknown;
  warn(message: string, fields?: Record<string, unknown>): unknown;
  info(message: string, fields?: Record<string, unknown>): unknown;
  debug(message: string, fields?: Record<string, unknown>): unknown;
}

/** Collaborators handed to a plugin's factory, so tests pass their own. */
export interface NotifierDeps {
  /** The entry's `name` in supervisor.yaml. */
  name: string;
  logger: Logger;
}

/**
 * A notifier plugin: a type name, the zod schema of its own options, and a factory. `optionsSchema` is
 * a zod 3 schema (the host calls its `safeParse`); see the peer range of zod in package.json.
 */
export interface NotifierPlugin<Options = unknown> {
  readonly type: string;
  /** Input is unknown: the schema may fill defaults, so what it takes is not what it gives. */
  readonly optionsSchema: ZodType<Options, ZodTypeDef, unknown>;
  create(options: Options, deps: NotifierDeps): Notifier;
}
