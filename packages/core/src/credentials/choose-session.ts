import type { SsoSession } from '../aws-config/discover-sessions';
import { didYouMeanSuffix, quoteName } from '../config/error-wording';
import { resolveSession, type SessionLookup } from './resolve-session';

/**
 * How every command names sessions, as the AWS tools do: `SESSION` (an sso-session name, or a profile
 * name meaning its session) or `--profile PROFILE`; the commands that act on one session fall back to
 * $AWS_PROFILE (docs/contract.md "Choosing a session").
 */
export interface SessionChoice {
  session?: string;
  profile?: string;
}

export type Chosen = { session: SsoSession } | { failure: string };

/** The session of an SSO profile; an unknown or non-SSO profile is named, with a did-you-mean. */
export function sessionOfProfile(setup: SessionLookup, profile: string, from = ''): Chosen {
  const session = setup.sessions.find((s) => s.profiles.includes(profile));
  if (session) return { session };
  const file = setup.paths.awsConfigFile;
  if (setup.awsConfig.profiles[profile]) {
    return { failure: `profile ${quoteName(profile)}${from} in ${file} is not a complete SSO profile` };
  }
  const guess = didYouMeanSuffix(
    profile,
    setup.sessions.flatMap((s) => s.profiles),
  );
  return { failure: `no profile ${quoteName(profile)}${from} in ${file}${guess}` };
}

/** What to say when no session is named: how to name one, and the sessions there are. */
export function noSessionMessage(setup: SessionLookup): string {
  const file = setup.paths.awsConfigFile;
  const rows = setup.sessions.map((s) =>
    s.name === null
      ? `  --profile ${s.profiles[0]}  (legacy profile)`
      : `  ${s.name}  (profiles: ${s.profiles.join(', ') || 'none'})`,
  );
  const list = rows.length ? `sessions in ${file}:\n${rows.join('\n')}` : `no SSO sessions in ${file}`;
  return `no session given: name one (SESSION or --profile PROFILE) or set AWS_PROFILE\n${list}`;
}

/** One session for `login`, `token`: SESSION, or --profile, or $AWS_PROFILE; never two of them. */
export function chooseSession(
  setup: SessionLookup,
  choice: SessionChoice,
  env: Record<string, string | undefined>,
): Chosen {
  if (choice.session !== undefined && choice.profile !== undefined) {
    return { failure: 'give a session name or --profile PROFILE, not both' };
  }
  if (choice.session !== undefined) {
    return byName(setup, choice.session);
  }
  if (choice.profile !== undefined) return sessionOfProfile(setup, choice.profile);
  // An empty AWS_PROFILE is unset, as the AWS CLI treats it.
  if (env.AWS_PROFILE) return sessionOfProfile(setup, env.AWS_PROFILE, ' (from AWS_PROFILE)');
  return { failure: noSessionMessage(setup) };
}

function byName(setup: SessionLookup, name: string): Chosen {
  const found = resolveSession(setup, name);
  return 'session' in found ? found : { failure: found.failure.message };
}

/**
 * Sessions for `refresh`, `status`: each name and --profile resolved among `among` (the supervised
 * ones); none named: all of them. A session the AWS config has but supervisor.yaml leaves out is said so.
 */
export function chooseSessions(
  setup: SessionLookup,
  among: SsoSession[],
  names: string[],
  profiles: string[],
): { sessions: SsoSession[] } | { failures: string[] } {
  if (!names.length && !profiles.length) return { sessions: among };
  const supervised = { ...setup, sessions: among };
  const pick = (name: string, found: Chosen): Chosen => {
    if ('session' in found || !('session' in byName(setup, name))) return found;
    const file = setup.paths.awsConfigFile;
    return {
      failure: `${quoteName(name)} is in ${file} but not supervised: supervisor.yaml \`sessions:\` leaves it out`,
    };
  };
  const picked = [
    ...names.map((n) => pick(n, byName(supervised, n))),
    ...profiles.map((p) => pick(p, sessionOfProfile(supervised, p))),
  ];
  const failures = picked.flatMap((p) => ('failure' in p ? [p.failure] : []));
  if (failures.length) return { failures };
  const ids = new Set(picked.map((p) => ('session' in p ? p.session.id : '')));
  return { sessions: among.filter((s) => ids.has(s.id)) };
}
