/** A problem in the AWS config, named by file, section and field. */
export interface AwsConfigFinding {
  severity: 'error' | 'warning';
  file: string;
  /** e.g. `profile dev`, `sso-session corp`. */
  section?: string;
  field?: string;
  message: string;
}

export function formatFinding(f: AwsConfigFinding): string {
  const where = [f.section && `[${f.section}]`, f.field].filter(Boolean).join(' ');
  return `${f.file}: ${where ? `${where}: ` : ''}${f.message}`;
}
