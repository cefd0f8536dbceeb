import type { ExportEntry, SessionSettings } from '../config/supervisor-config';
import type { Setup } from '../setup/load-setup';
import { resolveSsoProfile, type SsoProfile } from '../credentials/resolve-session';

/** One export entry resolved to what renewing it takes. */
export interface ExportJob {
  entry: ExportEntry;
  profile: SsoProfile;
  /** The profile's session settings: the SSO token's refresh threshold, retries, timeout. */
  settings: SessionSettings;
  /** Where the role-credential cache lives, shared with `credentials` and fromSupervisor. */
  stateDir: string;
}

/** An entry that cannot be served as the AWS config stands; secret-free, for a person. */
export interface ExportProblem {
  entry: ExportEntry;
  message: string;
}

export interface ExportPlan {
  jobs: ExportJob[];
  problems: ExportProblem[];
}

export type ExportSetup = Pick<Setup, 'awsConfig' | 'sessions' | 'settingsFor'> & {
  paths: Pick<Setup['paths'], 'awsConfigFile' | 'stateDir'>;
};

/**
 * Resolves each export's profile against the AWS config as it is now; the daemon plans again on every
 * reload, so a profile added to ~/.aws/config later is picked up then. Never touches a file.
 */
export function planExports(entries: readonly ExportEntry[], setup: ExportSetup): ExportPlan {
  const plan: ExportPlan = { jobs: [], problems: [] };
  for (const entry of entries) {
    if (entry.path === setup.paths.awsConfigFile) {
      plan.problems.push({
        entry,
        message: `${entry.at}.path: ${entry.path} is the AWS config file; export to ~/.aws/credentials or another file`,
      });
      continue;
    }
    const found = resolveSsoProfile(setup, entry.profile);
    if ('failure' in found) {
      plan.problems.push({ entry, message: `${entry.at}.profile: ${found.failure.message}` });
      continue;
    }
    plan.jobs.push({
      entry,
      profile: found.profile,
      settings: setup.settingsFor(found.profile.session),
      stateDir: setup.paths.stateDir,
    });
  }
  return plan;
}
