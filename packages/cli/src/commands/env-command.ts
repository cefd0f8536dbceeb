import {
  askBroker,
  brokerVariables,
  findDaemonBroker,
  formatVariables,
  type BrokerEnvFormat,
  type Setup,
} from '@sso-supervisor/core/setup';
import { EXIT, type CliIo } from '../cli-io';
import { chooseProfile } from '../with-setup';

export const ENV_HELP = `
Prints the variables that send every AWS SDK and the AWS CLI started from this shell to the running
daemon's credential broker for --profile (default $AWS_PROFILE), so they keep fresh role credentials:
  eval "$(sso-supervisor env --profile dev)"                      sh, bash, zsh
  sso-supervisor env --profile dev --format fish | source         fish
sh and fish also unset AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and the
rest that would win over the broker; dotenv cannot unset anything; json is {"set": {...}, "unset": [...]}.
The output carries the broker's token: keep it out of files others read.

It needs the daemon (sso-supervisor run, or the service from sso-supervisor install) with its server on:
the variables outlive this command, so only a process that outlives the shell's jobs can serve them. With
no daemon, run the job under sso-supervisor exec instead.

Exit codes: 0 printed; 1 no daemon serves credentials, or the session needs a login (the command to run is
on stderr); 2 usage or config error.
`;

/** `env [--profile P] [--format sh|fish|dotenv|json]`: the broker variables for `eval`. */
export async function envCommand(
  ws: Setup,
  io: CliIo,
  opts: { profile?: string; format: BrokerEnvFormat },
): Promise<number> {
  const found = chooseProfile(ws, io, opts.profile);
  if (typeof found === 'number') return found;
  const { name } = found;
  const { stateDir } = ws.paths;
  const daemon = await findDaemonBroker(stateDir);
  if (!daemon) {
    io.stderr.write(
      `error: no running daemon serves credentials from ${stateDir}: start one with \`sso-supervisor run\` (or \`sso-supervisor install\` as a service), with server.enabled on; or run the job under \`sso-supervisor exec --profile ${name} -- COMMAND\`\n`,
    );
    return EXIT.failed;
  }
  const reply = await askBroker(daemon, name);
  if (reply.status !== 200) {
    const message =
      reply.status === 'unreachable'
        ? `the daemon's broker (pid ${daemon.pid}, port ${daemon.port}) did not answer (${reply.problem})`
        : reply.body.Message;
    io.stderr.write(`error: ${message}\n`);
    return reply.status === 404 ? EXIT.usage : EXIT.failed;
  }
  const region = ws.awsConfig.profiles[name]?.region;
  io.stdout.write(
    formatVariables(brokerVariables({ ...daemon, profile: name, region, env: io.env }), opts.format),
  );
  return EXIT.ok;
}
