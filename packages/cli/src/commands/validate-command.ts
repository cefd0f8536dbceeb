import { formatFinding, formatIssue, readCachedToken } from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';
import type { Setup } from '@sso-supervisor/core';

/** `validate`: supervisor.yaml and the AWS config (exit 2 on errors), and every cache file (exit 1 when one is broken). */
export async function validateCommand(ws: Setup, io: CliIo, opts: { json?: boolean }): Promise<number> {
  const configErrors = ws.findings.filter((f) => f.severity === 'error').map(formatFinding);
  const configWarnings = [
    ...ws.warnings.map(formatIssue),
    ...ws.findings.filter((f) => f.severity === 'warning').map(formatFinding),
  ];
  const reads = await Promise.all(ws.supervised.map(({ session }) => readCachedToken(session.cacheFile)));
  const cacheErrors = reads.flatMap((r) => (r.status === 'invalid' ? [r.message] : []));
  const code = configErrors.length ? EXIT.usage : cacheErrors.length ? EXIT.failed : EXIT.ok;
  if (opts.json) {
    io.stdout.write(
      `${JSON.stringify({ valid: code === EXIT.ok, errors: [...configErrors, ...cacheErrors], warnings: configWarnings }, null, 2)}\n`,
    );
    return code;
  }
  for (const line of [...configErrors, ...cacheErrors]) io.stderr.write(`error: ${line}\n`);
  for (const line of configWarnings) io.stderr.write(`warning: ${line}\n`);
  if (code === EXIT.ok) {
    const source = ws.config.file ?? 'built-in defaults';
    io.stdout.write(`ok: ${source}; ${ws.supervised.length} session(s) in ${ws.paths.awsConfigFile}\n`);
  }
  return code;
}
