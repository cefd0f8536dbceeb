import { formatFinding, readCachedToken } from '@sso-supervisor/core';
import { EXIT, type CliIo } from '../cli-io';
import type { Workspace } from '../load-workspace';

/** `validate`: the AWS config (exit 2 on errors) and every session's cache file (exit 1 when one is broken). */
export async function validateCommand(ws: Workspace, io: CliIo, opts: { json?: boolean }): Promise<number> {
  const configErrors = ws.findings.filter((f) => f.severity === 'error').map(formatFinding);
  const configWarnings = ws.findings.filter((f) => f.severity === 'warning').map(formatFinding);
  const reads = await Promise.all(ws.sessions.map((s) => readCachedToken(s.cacheFile)));
  const cacheErrors = reads.flatMap((r) => (r.status === 'invalid' ? [r.message] : []));
  const code = configErrors.length ? EXIT.usage : cacheErrors.length ? EXIT.failed : EXIT.ok;
  if (opts.json) {
    io.stdout.write(`${JSON.stringify({ valid: code === EXIT.ok, errors: [...configErrors, ...cacheErrors], warnings: configWarnings }, null, 2)}\n`);
    return code;
  }
  for (const line of [...configErrors, ...cacheErrors]) io.stderr.write(`error: ${line}\n`);
  for (const line of configWarnings) io.stderr.write(`warning: ${line}\n`);
  if (code === EXIT.ok) io.stdout.write(`ok: ${ws.sessions.length} session(s) in ${ws.paths.awsConfigFile}\n`);
  return code;
}
