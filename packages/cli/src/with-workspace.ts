import { EXIT, type CliIo } from './cli-io';
import { loadWorkspace, type Workspace } from './load-workspace';

/** Loads the workspace for a command; config errors are printed and become exit 2. */
export async function withWorkspace(
  io: CliIo,
  flags: { config?: string },
  command: (ws: Workspace) => Promise<number>,
  notifierSchemas?: Parameters<typeof loadWorkspace>[2],
): Promise<number> {
  const loaded = await loadWorkspace(io, flags, notifierSchemas);
  if ('errors' in loaded) {
    for (const line of loaded.errors) io.stderr.write(`error: ${line}\n`);
    for (const line of loaded.warnings) io.stderr.write(`warning: ${line}\n`);
    return EXIT.usage;
  }
  return command(loaded.workspace);
}
