import { stringify } from 'yaml';

/** A session found in the AWS config; name is null for a legacy profile holding its own start URL. */
interface FoundSession {
  name: string | null;
  profiles: string[];
  startUrl: string;
}

// `$${` keeps a literal `${` in a name from being read as an environment variable. (A function
// replacer, because in a replacement string `$$` itself means one `$`.)
function scalar(value: string): string {
  return stringify(value.replaceAll('${', () => '$${')).trimEnd();
}

function comment(value: string): string {
  return value.replace(/\s+/g, ' ');
}

function sessionLines(sessions: readonly FoundSession[]): string[] {
  if (sessions.length === 0) {
    return [
      '# No sso-session or SSO profile was found in the AWS config. Without a `sessions` list, every',
      '# session found there when the supervisor starts is supervised. To pick some, list them:',
      '# sessions:',
      '#   - name: my-session        # an [sso-session my-session] section',
      '#   - profile: my-profile     # a legacy profile with sso_start_url in the profile itself',
    ];
  }
  const lines = [
    '# The sessions to keep fresh, found in the AWS config. Delete the whole list to supervise every',
    '# session there, including ones added later. An entry can override any key of `defaults`, e.g.',
    '#   - name: corp',
    '#     threshold: 30m',
    'sessions:',
  ];
  for (const session of sessions) {
    if (session.name !== null) {
      const profiles =
        session.profiles.length > 0 ? `profiles ${session.profiles.join(', ')}` : 'no profiles';
      lines.push(`  - name: ${scalar(session.name)}  # ${comment(`${profiles}; ${session.startUrl}`)}`);
    } else {
      for (const profile of session.profiles) {
        lines.push(
          `  - profile: ${scalar(profile)}  # ${comment(`legacy SSO profile; ${session.startUrl}`)}`,
        );
      }
    }
  }
  return lines;
}

/** The commented supervisor.yaml that `init` writes, listing the sessions found in the AWS config. */
export function starterConfig(sessions: readonly FoundSession[]): string {
  return [
    '# sso-supervisor configuration. Check it with `sso-supervisor validate`.',
    '# Durations: 500ms, 90s, 20m, 1h, 1d or a number of seconds. ${NAME} is read from the environment',
    '# (an unset variable is an error); write $${ for a literal ${.',
    'version: 1',
    '',
    '# Where the AWS CLI keeps its config and token cache; these are its defaults.',
    '# aws:',
    '#   configFile: ~/.aws/config',
    '#   cacheDir: ~/.aws/sso/cache',
    '',
    ...sessionLines(sessions),
    '',
    '# How every session is watched.',
    'defaults:',
    '  # When to check: a cron expression of 5 fields, or 6 with seconds first.',
    "  schedule: '* * * * *'",
    '  # Refresh once less than this remains. Keep it above 15m: the AWS CLI refreshes by itself under',
    '  # 15 minutes and would race the supervisor for a refresh token that may be single-use.',
    '  threshold: 20m',
    '  # A failed refresh is tried this many times, waiting baseDelay, doubling up to maxDelay.',
    '  retry:',
    '    attempts: 4',
    '    baseDelay: 2s',
    '    maxDelay: 1m',
    '  # Give up on one refresh call after this long.',
    '  timeout: 15s',
    '  # Send session.ending this long before the client registration (about 90 days) ends; 0: never.',
    '  # `sso-supervisor login` then registers anew.',
    '  registrationWarning: 3d',
    '  # How long an Identity Center session lasts after a login (your organisation sets it, 8h by',
    '  # default). Set it to be warned before the session ends, instead of finding out mid-deploy:',
    '  # sessionDuration: 8h',
    '  # With sessionDuration set, send session.ending this long before the estimated end; 0: never.',
    '  sessionWarning: 30m',
    '  # `credentials` hands out cached role credentials only with more than this left, so boto3',
    '  # (which runs credential_process again under 15 minutes) starts it once per credential lifetime.',
    '  credentialsRenewBefore: 20m',
    '',
    '# When a refresh token is dead, a person must log in again.',
    'reauth:',
    '  # notify: send session.reauth_required; device-code: also start one device-code login and send',
    '  # its link and code to the notifiers marked private only; browser (a desktop): a one-time link',
    '  # to the daemon (private notifiers and the desktop only) that logs in through your browser.',
    '  mode: notify',
    '  # device-code: after a login expired unapproved, start no other for this long (a login of your',
    '  # own, `sso-supervisor login` or `aws sso login`, ends the wait).',
    '  backoff: 1h',
    '',
    '# Where events go: built-in types macos, slack, email, webhook, or `module:` for your own.',
    '# notifiers:',
    '#   - name: team',
    '#     type: slack',
    '#     webhookUrl: ${SLACK_WEBHOOK_URL}',
    '#     events: [session.reauth_required, token.refresh_failed]',
    '#   - name: me',
    '#     type: macos',
    '#     private: true   # may receive login links and codes',
    '',
    "# Files the daemon keeps filled with a profile's role credentials, renewed before they expire, for",
    '# apps and tools that read no SSO cache. Only the AWS_* variables (dotenv) or the one [section]',
    '# (credentials) are written; every other line of the file stays as it is.',
    '# exports:',
    '#   - profile: dev',
    "#     path: ~/projects/app/.env.local   # a relative path starts at this file's folder",
    '#     format: dotenv            # dotenv | credentials',
    '#   - profile: prod',
    '#     path: ~/.aws/credentials',
    '#     format: credentials',
    '#     section: prod-keys        # default: the profile name',
    '#     renewBefore: 10m          # renew once less than this remains',
    '',
    "# The daemon's log, in the state directory.",
    'log:',
    '  level: info   # error | warn | info | debug',
    '  file: supervisor.log',
    '  maxSize: 10m',
    '  maxFiles: 5',
    '',
  ].join('\n');
}
