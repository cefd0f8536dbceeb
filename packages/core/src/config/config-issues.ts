import type { SupervisorConfig } from './supervisor-config';

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

/**
 * An issue before it is placed in the file: the config path it is about, and whether it
 * points at the key (unknown keys) or the value. `offset` is set when the YAML parser gave one.
 */
export interface RawIssue {
  path: (string | number)[];
  message: string;
  at?: 'key' | 'value';
  offset?: number;
}

/** What parsing a config gives back: config is null whenever errors is not empty. */
export interface ParseResult {
  config: SupervisorConfig | null;
  warnings: ConfigIssue[];
  errors: ConfigIssue[];
}

/** `FILE:LINE:COL path.to.field: message`, the form editors and terminals link to. */
export function formatIssue(issue: ConfigIssue): string {
  let where = issue.file ?? '<config>';
  if (issue.line !== undefined) where += `:${issue.line}`;
  if (issue.line !== undefined && issue.col !== undefined) where += `:${issue.col}`;
  return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** ['notifiers', 2, 'webhookUrl'] -> 'notifiers[2].webhookUrl'; odd keys are quoted. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
