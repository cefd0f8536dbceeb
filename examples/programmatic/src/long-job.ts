import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ensureFreshSession, fromSupervisor } from '@sso-supervisor/core';

export interface LongJobOptions {
  /** The SSO profile whose role the job runs as. */
  profile: string;
  steps: number;
  stepDelayMs: number;
  /** Renew role credentials this long before they expire (default 5 minutes). */
  renewBeforeMs?: number;
  /** Refresh the SSO token when less than this remains (default: the session's threshold). */
  thresholdMs?: number;
  region?: string;
  log?: (line: string) => void;
}

export interface LongJobReport {
  /** The caller ARN of every step, in order. */
  identities: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A job that calls AWS every `stepDelayMs` for `steps` steps. Its STS client takes credentials from
 * fromSupervisor, which renews them before they expire and refreshes the SSO token when due, so the job
 * outlives every token and role-credential lifetime with no login and no daemon.
 */
export async function longJob(options: LongJobOptions): Promise<LongJobReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const session = await ensureFreshSession({ session: options.profile, thresholdMs: options.thresholdMs });
  log(`session ${session.session ?? options.profile} is fresh until ${session.expiresAt}`);
  const sts = new STSClient({
    region: options.region ?? 'us-east-1',
    credentials: fromSupervisor({
      profile: options.profile,
      renewBeforeMs: options.renewBeforeMs,
      thresholdMs: options.thresholdMs,
    }),
  });
  const identities: string[] = [];
  try {
    for (let step = 1; step <= options.steps; step++) {
      const { Arn } = await sts.send(new GetCallerIdentityCommand({}));
      identities.push(Arn ?? '');
      log(`step ${step}/${options.steps}: running as ${Arn}`);
      if (step < options.steps) await sleep(options.stepDelayMs);
    }
  } finally {
    sts.destroy();
  }
  return { identities };
}

// `node dist/long-job.js PROFILE [STEPS] [SECONDS]`: one STS call every SECONDS (default 60) for STEPS (default 600).
if (require.main === module) {
  const [profile = process.env.AWS_PROFILE, steps = '600', seconds = '60'] = process.argv.slice(2);
  if (!profile) {
    console.error('usage: node dist/long-job.js PROFILE [STEPS] [SECONDS]');
    process.exitCode = 2;
  } else {
    longJob({ profile, steps: Number(steps), stepDelayMs: Number(seconds) * 1000 }).catch((error: Error) => {
      console.error(`long job stopped: ${error.message}`);
      process.exitCode = 1;
    });
  }
}
