import type { ConfigIssue } from './config-issue';

/** `FILE:LINE:COL path.to.field: message`, the form editors and terminals link to. */
export function formatIssue(issue: ConfigIssue): string {
  let where = issue.file ?? '<config>';
  if (issue.line !== undefined) where += `:${issue.line}`;
  if (issue.line !== undefined && issue.col !== undefined) where += `:${issue.col}`;
  return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}
