import { obtainRoleCredentials } from '../credentials/obtain-role-credentials';
import type { RoleCredentialsFetcher } from '../credentials/portal-client';
import type { RoleCredentials } from '../credentials/role-cache';
import type { SessionRefresher } from '../engine/session-refresher';
import { mergeCredentialsFile } from './merge-credentials-file';
import { mergeDotenv } from './merge-dotenv';
import type { MergeOutcome } from './text-lines';
import type { ExportJob } from './plan-exports';
import { writeExportFile } from './write-export-file';

export interface ExportRunDeps {
  now: () => Date;
  /**
   * The daemon's single-flight refresher, so a renewal never races a worker for the same refresh token and
   * the SSO secrets reach the log's redaction; default a new one per renewal.
   */
  refresher?: SessionRefresher;
  fetcher?: RoleCredentialsFetcher;
  /** Told every role secret before it goes anywhere, so the log can blank it should it ever turn up there. */
  recordSecret?: (secret: string) => void;
}

/**
 * One renewal. `credentials`: none could be had (a login, the portal); `file`: the file could not be written
 * or is not ours to change as it stands. Every message is secret-free; a file problem names no file (the
 * caller does).
 */
export type ExportRun =
  | { ok: true; written: boolean; expiration: Date; fromPortal: boolean; warning?: string }
  | { ok: false; kind: 'credentials' | 'file'; problem: string; command?: string };

function merger(job: ExportJob, credentials: RoleCredentials): (text: string | null) => MergeOutcome {
  const { format, section } = job.entry;
  return format === 'dotenv'
    ? (text) => mergeDotenv(text, credentials)
    : (text) => mergeCredentialsFile(text, section ?? job.profile.name, credentials);
}

/**
 * Writes the job's role credentials into its file: from the role cache while more than `renewBefore` remains
 * on them, else from the portal (refreshing the SSO token first when due), so what lands in the file always
 * has more than that left.
 */
export async function runExport(job: ExportJob, deps: ExportRunDeps): Promise<ExportRun> {
  const outcome = await obtainRoleCredentials(job.profile, {
    stateDir: job.stateDir,
    settings: job.settings,
    minRemainingMs: job.entry.renewBefore,
    now: deps.now,
    refresher: deps.refresher,
    fetcher: deps.fetcher,
  });
  if (!outcome.ok) {
    const { message, command } = outcome.failure;
    return { ok: false, kind: 'credentials', problem: message, ...(command && { command }) };
  }
  const { credentials, source, warning } = outcome;
  deps.recordSecret?.(credentials.secretAccessKey);
  deps.recordSecret?.(credentials.sessionToken);
  const write = await writeExportFile(job.entry.path, merger(job, credentials));
  if (write.status === 'refused' || write.status === 'failed') {
    return { ok: false, kind: 'file', problem: write.problem };
  }
  return {
    ok: true,
    written: write.status === 'written',
    expiration: credentials.expiration,
    fromPortal: source === 'portal',
    ...(warning && { warning }),
  };
}
