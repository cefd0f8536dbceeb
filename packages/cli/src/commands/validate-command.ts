import { checkSetup } from '@sso-supervisor/core/daemon';
import { formatIssue, readCachedToken } from '@sso-supervisor/core/setup';
import type { ConfigIssue, Setup } from '@sso-supervisor/core/setup';
import { BUILTIN_PLUGINS } from '../builtin-plugins';
import { EXIT, type CliIo } from '../cli-io';

function cacheIssue(file: string, message: string): ConfigIssue {
  const own = message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
  return { file, path: '', message: own };
}

/**
 * `validate`: supervisor.yaml and the AWS config, plus what `run` would trip on (notifiers that would not
 * start, exports it cannot write, skipped sessions): exit 2 on errors. Then every cache file: exit 1 when
 * one is broken.
 */
export async function validateCommand(ws: Setup, io: CliIo, opts: { json?: boolean }): Promise<number> {
  const checked = await checkSetup(ws, BUILTIN_PLUGINS);
  const reads = await Promise.all(ws.supervised.map(({ session }) => readCachedToken(session.cacheFile)));
  const cacheErrors = reads.flatMap((r, i): ConfigIssue[] =>
    r.status === 'invalid' ? [cacheIssue(ws.supervised[i].session.cacheFile, r.message)] : [],
  );
  const errors = [...checked.errors, ...cacheErrors];
  const code = checked.errors.length ? EXIT.usage : cacheErrors.length ? EXIT.failed : EXIT.ok;
  if (opts.json) {
    const { warnings, notes } = checked;
    const report = { ok: code === EXIT.ok, errors, warnings, ...(notes.length > 0 && { notes }) };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return code;
  }
  for (const issue of errors) io.stderr.write(`error: ${formatIssue(issue)}\n`);
  for (const issue of checked.warnings) io.stderr.write(`warning: ${formatIssue(issue)}\n`);
  for (const note of checked.notes) io.stderr.write(`note: ${note}\n`);
  if (code === EXIT.ok) {
    const source = ws.config.file ?? 'built-in defaults';
    io.stdout.write(`ok: ${source}; ${ws.supervised.length} session(s) in ${ws.paths.awsConfigFile}\n`);
  }
  return code;
}
