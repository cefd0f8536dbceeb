import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';
import type { Redirect } from './redirect';

export interface Route {
  /** The name faults and call counts use. */
  operation: string;
  /** Which service's error shape the route answers with. */
  service: 'oidc' | 'portal';
  /** A JSON answer, or a Redirect for the browser-facing authorize page. */
  handler(ctx: EmulatorContext, request: HandlerRequest): Record<string, unknown> | Redirect;
}
