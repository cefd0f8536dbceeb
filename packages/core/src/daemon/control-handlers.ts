import { obtainRoleCredentials, type RoleCredentialsOutcome } from '../credentials/obtain-role-credentials';
import { obtainSessionToken } from '../credentials/obtain-session-token';
import { resolveSession, resolveSsoProfile } from '../credentials/resolve-session';
import { retrySettings } from '../engine/aws-clients';
import type { SessionRefresher } from '../engine/session-refresher';
import type { CredentialsFailure } from '../errors';
import type { ControlHandler } from '../interprocess/control-server';
import {
  controlError,
  FAILURE_CODE_PREFIX,
  type ControlReply,
  type ControlRequest,
  type RequestFor,
} from '../interprocess/control-protocol';
import type { Setup } from '../setup/load-setup';
import type { Logger } from '../util/logger';

export interface ControlHandlerDeps {
  /** The daemon's one SessionRefresher: a request joins a refresh its workers are already making. */
  refresher: SessionRefresher;
  /** The current load (it changes on reload). */
  setup: () => Setup;
  logger: Logger;
}

/** A name this daemon's config does not know: the caller (maybe on another config) does the work itself. */
const UNKNOWN = 'unknown-name';

function failed(failure: CredentialsFailure): ControlReply {
  // CredentialsFailure messages are written for stderr: secret-free, naming the file and the fix.
  return controlError(`${FAILURE_CODE_PREFIX}${failure.kind}`, failure.message);
}

/**
 * The daemon's answers on the control channel, built on its own refresher, so N concurrent
 * credential_process calls make at most one CreateToken per session and one GetRoleCredentials per profile.
 * Logs say what was asked and how it ended, never the answer.
 */
export function daemonControlHandler(deps: ControlHandlerDeps): ControlHandler {
  const roleRequests = new Map<string, Promise<RoleCredentialsOutcome>>();

  async function token({ session: name }: RequestFor<'token'>): Promise<ControlReply> {
    const setup = deps.setup();
    const found = resolveSession(setup, name);
    if ('failure' in found) return controlError(UNKNOWN, found.failure.message);
    const settings = setup.settingsFor(found.session);
    const outcome = await obtainSessionToken(found.session, {
      thresholdMs: settings.threshold,
      retry: retrySettings(settings),
      refresher: deps.refresher,
    });
    if (!outcome.ok) return failed(outcome.failure);
    return { ok: true, result: { accessToken: outcome.accessToken, expiresAt: outcome.expiresAt } };
  }

  async function credentials({ profile: name }: RequestFor<'credentials'>): Promise<ControlReply> {
    const setup = deps.setup();
    const found = resolveSsoProfile(setup, name);
    if ('failure' in found) return controlError(UNKNOWN, found.failure.message);
    // Single-flight per profile: the callers that arrive while one asks the portal share its answer.
    let pending = roleRequests.get(name);
    if (!pending) {
      pending = obtainRoleCredentials(found.profile, {
        stateDir: setup.paths.stateDir,
        settings: setup.settingsFor(found.profile.session),
        refresher: deps.refresher,
      }).finally(() => roleRequests.delete(name));
      roleRequests.set(name, pending);
    }
    const outcome = await pending;
    if (!outcome.ok) return failed(outcome.failure);
    const c = outcome.credentials;
    return {
      ok: true,
      result: {
        Version: 1,
        AccessKeyId: c.accessKeyId,
        SecretAccessKey: c.secretAccessKey,
        SessionToken: c.sessionToken,
        Expiration: c.expiration.toISOString(),
      },
    };
  }

  async function refresh({ sessions: ids, force }: RequestFor<'refresh'>): Promise<ControlReply> {
    const { supervised } = deps.setup();
    const chosen = ids.map((id) => supervised.find((s) => s.session.id === id));
    if (chosen.some((s) => !s)) return controlError(UNKNOWN, 'a requested session is not supervised here');
    const settings = new Map(chosen.map((s) => [s!.session.id, s!.settings]));
    const results = await deps.refresher.refreshAll(
      chosen.map((s) => s!.session),
      (session) => {
        const own = settings.get(session.id)!;
        return { thresholdMs: own.threshold, retry: retrySettings(own), force };
      },
    );
    // A spread copy: the non-enumerable cache view stays in this process.
    return { ok: true, result: { results: results.map((r) => ({ ...r })) } };
  }

  return async (request: ControlRequest) => {
    const reply = await answer(request);
    deps.logger.debug('control request answered', {
      op: request.op,
      outcome: reply.ok ? 'ok' : reply.error.code,
    });
    return reply;
  };

  function answer(request: ControlRequest): Promise<ControlReply> {
    switch (request.op) {
      case 'ping':
        return Promise.resolve({ ok: true, result: { pid: process.pid } });
      case 'token':
        return token(request);
      case 'credentials':
        return credentials(request);
      case 'refresh':
        return refresh(request);
    }
  }
}
