import type { EmulatorContext } from './emulator-context';
import type { HandlerRequest } from './handler-request';

export interface Route {
  /** The name faults and call counts use. */
  operation: string;
  /** Which service's error shape the route answers with. */
  service: 'oidc' | 'portal';
  handler(ctx: EmulatorContext, request: HandlerRequest): Record<string, unknown>;
}
