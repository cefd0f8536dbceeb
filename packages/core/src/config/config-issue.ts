/**
 * One problem found in a config file. `path` names the field (`notifiers[2].webhookUrl`,
 * `defaults.retry.attempts`; empty for the document itself); line and col are 1-based.
 */
export interface ConfigIssue {
  file: string | null;
  line?: number;
  col?: number;
  path: string;
  message: string;
}
