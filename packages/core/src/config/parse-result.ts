import type { ConfigIssue } from './config-issue';
import type { SupervisorConfig } from './supervisor-config';

/** What parsing a config gives back: config is null whenever errors is not empty. */
export interface ParseResult {
  config: SupervisorConfig | null;
  warnings: ConfigIssue[];
  errors: ConfigIssue[];
}
