import { applyVariables, brokerVariables, staticVariables, type Setup } from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';
import { chooseProfile } from '../with-setup';
import { withInterruptGuard } from '../interrupts';
import { openJobBroker, type JobBroker } from './job-broker';

export const EXEC_HELP = `
Runs COMMAND with self-renewing role credentials of --profile (default $AWS_PROFILE): its environment gets
AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_CONTAINER_AUTHORIZATION_TOKEN(_FILE), the container-credentials
endpoint every AWS SDK and the AWS CLI fetch from again before their credentials end, and loses
AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (and what else would win over
that endpoint). The profile's region is set when none is. The running daemon's broker serves it; with no
daemon, this process serves it until COMMAND ends. A job thus outlives its credentials, and the SSO token
too while someone logs in again: a fetch meanwhile fails with the login command, the next one works.

--static gives plain AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and
AWS_CREDENTIAL_EXPIRATION instead, for programs that read no endpoint; they are not renewed.

Put -- before COMMAND:  sso-supervisor exec --profile dev -- python train.py --epochs 40

Signals (SIGINT, SIGTERM, SIGHUP) are passed to COMMAND; its stdin, stdout and stderr are its own.
Exit codes: COMMAND's (128+N when signal N ended it; 127 not found); 1 the session cannot serve now (a
login is needed: the command to run is on stderr) and COMMAND was not started; 2 usage or config error.
`;

/** The profile's `region`, for a job that no longer has AWS_PROFILE to find it. */
function profileRegion(ws: Setup, profile: string): string | undefined {
  return ws.awsConfig.profiles[profile]?.region;
}

/**
 * A `[default]` profile that yields credentials of its own is what the SDKs use once AWS_PROFILE is gone,
 * before they reach the endpoint: say so rather than let a job act as another role.
 */
function warnShadowingDefault(ws: Setup, io: CliIo): void {
  const section = ws.awsConfig.profiles.default;
  const keys = ['sso_session', 'sso_start_url', 'credential_process', 'role_arn', 'aws_access_key_id'];
  const found = section && keys.find((k) => section[k]);
  if (found)
    io.stderr.write(
      `warning: [default] in ${ws.paths.awsConfigFile} has ${found}; the SDKs use it before the broker, so COMMAND may act as that profile\n`,
    );
}

/** The broker checked: it can serve the profile now (a due refresh done), or why not. */
async function prepare(ws: Setup, io: CliIo, profile: string): Promise<JobBroker | number> {
  const broker = await openJobBroker(ws, io, profile);
  const { reply } = broker;
  if (reply.status === 200) return broker;
  await broker.stop();
  const message =
    reply.status === 'unreachable' ? `the broker did not answer (${reply.problem})` : reply.body.Message;
  io.stderr.write(`error: ${message}\n`);
  return reply.status === 404 ? EXIT.usage : EXIT.failed;
}

/** `exec [--profile P] [--static] -- COMMAND [ARGS...]`. */
export async function execCommand(
  ws: Setup,
  io: CliIo,
  opts: { profile?: string; static?: boolean },
  argv: string[],
): Promise<number> {
  const found = chooseProfile(ws, io, opts.profile);
  if (typeof found === 'number') return found;
  const { name } = found;
  const prepared = await withInterruptGuard(io, () => prepare(ws, io, name));
  if (typeof prepared === 'number') return prepared;
  const region = profileRegion(ws, name);
  try {
    let vars;
    if (opts.static) {
      const body = (prepared.reply as { body: Record<string, string> }).body;
      const credentials = {
        accessKeyId: body.AccessKeyId,
        secretAccessKey: body.SecretAccessKey,
        sessionToken: body.Token,
        expiration: new Date(body.Expiration),
      };
      vars = staticVariables(credentials, region, io.env);
      // Nothing will ask again: the own broker has done its work.
      await prepared.stop();
    } else {
      warnShadowingDefault(ws, io);
      vars = brokerVariables({ ...prepared.endpoint, profile: name, region, env: io.env });
      prepared.speak();
    }
    // On use: program.ts loads this file for EXEC_HELP, and node:child_process would slow every start.
    const { runChild } = await import('./run-child');
    return await runChild(argv[0], argv.slice(1), applyVariables(io.env, vars), io.stderr);
  } finally {
    await prepared.stop();
  }
}
