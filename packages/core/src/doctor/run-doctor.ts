import { stat } from 'node:fs/promises';
import type { SsoSession } from '../aws-config/discover-sessions';
import { readCachedToken } from '../cache/read-cached-token';
import type { SupervisorConfig } from '../config/supervisor-config';
import { buildSetup, type Setup } from '../setup/load-setup';
import { obtainRoleCredentials } from '../credentials/obtain-role-credentials';
import type { RoleCredentialsFetcher } from '../credentials/portal-client';
import { resolveSession, resolveSsoProfile } from '../credentials/resolve-session';
import { readStateFile } from '../state/state-file';
import { runningDaemonPid } from '../state/lock-file';
import { readConfigRefusal } from '../state/config-refusal';
import type { SessionRefresher } from '../engine/session-refresher';
import type { ResolvedPaths } from '../paths/resolve-paths';
import {
  checkAwsConfig,
  checkLegacyProfiles,
  checkSessionName,
  checkSsoProfile,
  checkSupervisorConfig,
} from './config-checks';
import {
  checkCacheFile,
  checkCacheFileChoice,
  checkRegistration,
  checkRoleCredentials,
  checkTokenLifetime,
} from './token-checks';
import { checkClock, checkDaemon, checkEnvironmentCredentials } from './environment-checks';
import { checkEndpoint, probeEndpoint, type EndpointProbe, ssoEndpoints } from './endpoint-checks';
import type { DoctorCheck } from './doctor-check';

export interface DoctorOptions {
  /** The parsed supervisor.yaml, or the defaults when it has errors (given in `configErrors`). */
  config: SupervisorConfig;
  configErrors: string[];
  configWarnings: string[];
  paths: ResolvedPaths;
  /** Where `run` records a refusal to start (its default state dir); default `paths.stateDir`. */
  refusalDir?: string;
  /** What the caller already loaded for this config and these paths; else the AWS config is read here. */
  setup?: Setup;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Check only this session (an sso-session or profile name). */
  session?: string;
  /** Check this profile's session and its role credentials; default $AWS_PROFILE unless a session is named. */
  profile?: string;
  now?: () => Date;
  probe?: EndpointProbe;
  probeTimeoutMs?: number;
  refresher?: SessionRefresher;
  fetcher?: RoleCredentialsFetcher;
}

async function fileMode(file: string, platform: NodeJS.Platform): Promise<number | null> {
  if (platform === 'win32') return null;
  return stat(file).then(
    (s) => s.mode,
    () => null,
  );
}

/** Every check, in the order a person would fix them. Never throws for what it finds. */
export async function runDoctor(options: DoctorOptions): Promise<DoctorCheck[]> {
  const now = options.now ?? (() => new Date());
  const { config, paths, env } = options;
  const checks: DoctorCheck[] = [
    checkSupervisorConfig(config.file, options.configErrors, options.configWarnings),
  ];
  const setup = options.setup ?? (await buildSetup(config, paths));
  checks.push(checkAwsConfig(paths.awsConfigFile, setup.findings, setup.sessions));
  const legacy = checkLegacyProfiles(paths.awsConfigFile, setup.sessions);
  if (legacy) checks.push(legacy);

  // A named session narrows the checks to it; a profile (or $AWS_PROFILE, when no session is named) adds its role.
  const named = options.session === undefined ? undefined : resolveSession(setup, options.session);
  if (named) checks.push(checkSessionName(options.session!, named));
  const profileName = options.profile ?? (named ? undefined : env.AWS_PROFILE || undefined);
  const resolved = profileName ? resolveSsoProfile(setup, profileName) : undefined;
  if (profileName) checks.push(checkSsoProfile(profileName, resolved!));
  const profile = resolved && 'profile' in resolved ? resolved.profile : undefined;
  let sessions: SsoSession[] = setup.sessions;
  if (named) sessions = 'session' in named ? [named.session] : [];
  else if (profileName) sessions = profile ? [profile.session] : [];

  for (const session of sessions) {
    const choice = checkCacheFileChoice(session);
    if (choice) checks.push(choice);
    const read = await readCachedToken(session.cacheFile);
    checks.push(checkCacheFile(session, read, await fileMode(session.cacheFile, options.platform)));
    if (read.status !== 'ok') continue;
    checks.push(checkTokenLifetime(session, read.token, now(), setup.settingsFor(session).threshold));
    checks.push(checkRegistration(session, read.token, now()));
  }

  checks.push(
    checkDaemon(
      await runningDaemonPid(paths.stateDir),
      await readStateFile(paths.stateDir),
      await readConfigRefusal(options.refusalDir ?? paths.stateDir),
      options.platform,
    ),
  );
  checks.push(checkEnvironmentCredentials(env));

  const probe = options.probe ?? probeEndpoint;
  const timeout = options.probeTimeoutMs ?? 5000;
  let serverDate: Date | undefined;
  for (const region of new Set(sessions.map((s) => s.region))) {
    const urls = ssoEndpoints(region, env);
    for (const [name, url] of [
      ['SSO OIDC', urls.oidc],
      ['SSO portal', urls.portal],
    ] as const) {
      const result = await probe(url, timeout);
      if (result.reachable) serverDate ??= result.date;
      checks.push(checkEndpoint(`${name} endpoint (${region})`, url, result));
    }
  }
  if (sessions.length) checks.push(checkClock(now(), serverDate));

  if (profile) {
    const outcome = await obtainRoleCredentials(profile, {
      stateDir: paths.stateDir,
      settings: setup.settingsFor(profile.session),
      cache: false,
      now,
      refresher: options.refresher,
      fetcher: options.fetcher,
    });
    checks.push(checkRoleCredentials(profile, outcome));
  }
  return checks;
}
